#pragma once

#include <QtQml/qqmlregistration.h>

#include <QAbstractListModel>
#include <QList>
#include <QVariantMap>

namespace massho::kiosk {

// The attached media as the service lists them (GetDevices, in its order): one row per device
// whose role `device` is the service's map (path, model, serial, size, eligibility…), keyed by
// its path. A list model updated in place, so that a new listing (a medium attached, another
// erased) keeps every card that is still there — and with it the focus of a person moving
// through the cards by switch or keyboard; only the rows that came, went or changed redraw.
class DeviceList : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the ApplianceClient's devices")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role { DeviceRole = Qt::UserRole + 1 };

    explicit DeviceList(QObject* parent = nullptr);

    int count() const { return static_cast<int>(devices_.size()); }
    // Whether the device at `path` is listed (for a view waiting until a medium shows).
    Q_INVOKABLE bool has(const QString& path) const { return rowOf(path) >= 0; }
    // Makes the rows equal `listing`: rows whose path is gone are removed, new ones inserted and
    // moved rows moved to their place in the listing's order, changed ones updated.
    void replaceWith(const QList<QVariantMap>& listing);
    void remove(const QString& path);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

  signals:
    void countChanged();

  private:
    int rowOf(const QString& path, int from = 0) const;

    QList<QVariantMap> devices_;
};

}  // namespace massho::kiosk
