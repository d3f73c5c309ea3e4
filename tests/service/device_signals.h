#pragma once

#include <QObject>
#include <QString>
#include <QVariantMap>
#include <algorithm>
#include <string>
#include <vector>

#include "manager_proxy.h"

namespace massho::service::test {

// The device paths DeviceAdded and DeviceRemoved named, in order.
class DeviceSignals : public QObject {
  public:
    explicit DeviceSignals(ManagerProxy& manager) {
        connect(&manager, &ManagerProxy::DeviceAdded, this, [this](const QVariantMap& device) {
            added.push_back(device.value("path").toString());
        });
        connect(&manager, &ManagerProxy::DeviceRemoved, this,
                [this](const QString& path) { removed.push_back(path); });
    }
    bool wasAdded(const std::string& path) const { return named(added, path); }
    bool wasRemoved(const std::string& path) const { return named(removed, path); }
    std::string log() const {
        std::string text = "added:";
        for (const QString& a : added) text += " " + a.toStdString();
        text += "; removed:";
        for (const QString& r : removed) text += " " + r.toStdString();
        return text;
    }

  private:
    static bool named(const std::vector<QString>& paths, const std::string& path) {
        return std::count(paths.begin(), paths.end(), QString::fromStdString(path)) > 0;
    }
    std::vector<QString> added, removed;
};

}  // namespace massho::service::test
