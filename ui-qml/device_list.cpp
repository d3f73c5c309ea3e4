#include "device_list.h"

namespace massho::kiosk {
namespace {

QString pathOf(const QVariantMap& device) {
    return device.value(QStringLiteral("path")).toString();
}

}  // namespace

DeviceList::DeviceList(QObject* parent) : QAbstractListModel(parent) {}

int DeviceList::rowOf(const QString& path, int from) const {
    for (int row = from; row < count(); ++row)
        if (pathOf(devices_[row]) == path) return row;
    return -1;
}

void DeviceList::replaceWith(const QList<QVariantMap>& listing) {
    const int before = count();
    QStringList listed;
    for (const QVariantMap& device : listing) listed << pathOf(device);
    for (int row = count() - 1; row >= 0; --row) {
        if (listed.contains(pathOf(devices_[row]))) continue;
        beginRemoveRows({}, row, row);
        devices_.removeAt(row);
        endRemoveRows();
    }
    // Rows before `row` now stand as the listing has them; the rest is still to be placed.
    for (int row = 0; row < listing.size(); ++row) {
        const int found = rowOf(listed[row], row);
        if (found < 0) {
            beginInsertRows({}, row, row);
            devices_.insert(row, listing[row]);
            endInsertRows();
            continue;
        }
        if (found != row) {
            beginMoveRows({}, found, found, {}, row);
            devices_.move(found, row);
            endMoveRows();
        }
        if (devices_[row] != listing[row]) {
            devices_[row] = listing[row];
            emit dataChanged(index(row), index(row), {DeviceRole});
        }
    }
    if (count() != before) emit countChanged();
}

void DeviceList::remove(const QString& path) {
    const int row = rowOf(path);
    if (row < 0) return;
    beginRemoveRows({}, row, row);
    devices_.removeAt(row);
    endRemoveRows();
    emit countChanged();
}

int DeviceList::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant DeviceList::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count() || role != DeviceRole) return {};
    return devices_[index.row()];
}

QHash<int, QByteArray> DeviceList::roleNames() const {
    return {{DeviceRole, "device"}};
}

}  // namespace massho::kiosk
