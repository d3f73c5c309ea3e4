#include "device_catalog.h"

#include <algorithm>

#include "dbus_error.h"
#include "massho/appliance/devices.h"
#include "massho/erase/media.h"
#include "massho/erase/method.h"
#include "massho/erase/method_advice.h"

namespace massho::service {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

erase::MediaType mediaTypeOf(const appliance::BlockDevice& device) {
    return erase::parseMediaType(device.mediaType).value_or(erase::MediaType::Unknown);
}

// What only opening the device tells (a disk a job holds is not opened again), from the
// last listing that did open it, when it is still the same device.
void keepProbedFacts(appliance::BlockDevice& device, const appliance::BlockDevice& before) {
    if (before.devNumber != device.devNumber) return;
    device.partitionTable = before.partitionTable;
    device.fsType = before.fsType;
    device.capabilities = before.capabilities;
    for (auto& part : device.partitions)
        for (const auto& old : before.partitions)
            if (old.name == part.name) {
                part.fsType = old.fsType;
                part.label = old.label;
                part.uuid = old.uuid;
            }
}

}  // namespace

DeviceCatalog::DeviceCatalog(std::vector<std::filesystem::path> protectedPaths, bool probeDrives)
    : protectedPaths_(std::move(protectedPaths)), probeDrives_(probeDrives) {}

appliance::GuardOptions DeviceCatalog::listingOptions(const std::set<QString>& heldPaths) const {
    appliance::GuardOptions options;
    options.protectedPaths = protectedPaths_;
    options.probeCapabilities = probeDrives_;
    for (const QString& path : heldPaths)
        if (const auto found = devices_.find(path.toStdString()); found != devices_.end())
            options.unprobed.insert(found->second.name);
    return options;
}

DeviceCatalog::Changes DeviceCatalog::update(std::vector<appliance::BlockDevice> listed,
                                             const appliance::GuardOptions& options) {
    std::map<std::string, appliance::BlockDevice> now;
    for (auto& device : listed) {
        const auto before = devices_.find(device.path);
        if (options.unprobed.count(device.name) && before != devices_.end())
            keepProbedFacts(device, before->second);
        now.emplace(device.path, std::move(device));
    }

    Changes changes;
    for (const auto& [path, device] : now) {
        const auto before = devices_.find(path);
        // A device re-attached under the same name with another medium is a new device.
        if (before == devices_.end() || before->second.devNumber != device.devNumber ||
            before->second.sizeBytes != device.sizeBytes ||
            before->second.serial != device.serial ||
            before->second.backingFile != device.backingFile) {
            if (before != devices_.end()) changes.removed.push_back(path);
            changes.added.push_back(device);
        }
    }
    for (const auto& [path, device] : devices_)
        if (!now.count(path)) changes.removed.push_back(path);
    devices_ = std::move(now);
    return changes;
}

const appliance::BlockDevice& DeviceCatalog::listed(const QString& path) const {
    const auto found = devices_.find(path.toStdString());
    if (found == devices_.end())
        throw refusal(dbus_error::kNotFound,
                      QStringLiteral("%1 is not a device this service listed: call "
                                     "GetDevices and choose one of its paths")
                          .arg(path.left(256)),
                      "device.unlisted", {path.left(256)});
    return found->second;
}

QVariantMap DeviceCatalog::describe(const appliance::BlockDevice& device) {
    return {
        {"path", qs(device.path)},
        {"name", qs(device.name)},
        {"size", QVariant::fromValue<qulonglong>(device.sizeBytes)},
        {"model", qs(device.model)},
        {"vendor", qs(device.vendor)},
        {"serial", qs(device.serial)},
        {"transport", qs(device.transport)},
        {"media_type", qs(device.mediaType)},
        {"removable", device.removable},
        {"erasable", device.eligible},
        {"reason", qs(device.reason)},
    };
}

QVariantMapList DeviceCatalog::methodsFor(const appliance::BlockDevice& device) {
    const erase::MediaType type = mediaTypeOf(device);
    const erase::MethodAdvice advice = erase::adviseMethod(type, device.capabilities.methods);
    QVariantMapList methods;
    for (const erase::Method& method : erase::catalog()) {
        const bool supported =
            !method.hardware ||
            std::find(device.capabilities.methods.begin(), device.capabilities.methods.end(),
                      method.id) != device.capabilities.methods.end();
        if (!supported) continue;  // a drive command this drive does not have
        const bool recommended = advice.method == &method;
        QVariantMap m{
            {"id", qs(method.id)},
            {"name", qs(method.name)},
            {"description", qs(method.description)},
            {"hardware", method.hardware},
            {"nist_level", qs(erase::toString(method.nistLevel(type)))},
            {"recommended", recommended},
        };
        if (recommended) m.insert("advice", qs(advice.advice));
        methods.append(m);
    }
    return methods;
}

}  // namespace massho::service
