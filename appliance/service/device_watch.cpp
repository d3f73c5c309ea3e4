#include "device_watch.h"

#include <filesystem>
#include <fstream>
#include <set>

namespace massho::service {

namespace {

constexpr int kPollMs = 1000;

// "name:size" for every entry of /sys/block, sorted: a device attached, detached or resized
// changes it.
std::string blockSignature() {
    std::set<std::string> entries;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/sys/block", ec)) {
        std::ifstream sizeFile(entry.path() / "size");
        std::string sectors;
        std::getline(sizeFile, sectors);
        entries.insert(entry.path().filename().string() + ":" + sectors);
    }
    std::string signature;
    for (const auto& e : entries) signature += e + "\n";
    return signature;
}

}  // namespace

DeviceWatch::DeviceWatch(QObject* parent) : QObject(parent), lastSeen_(blockSignature()) {
    timer_.setInterval(kPollMs);
    connect(&timer_, &QTimer::timeout, this, &DeviceWatch::poll);
    timer_.start();
}

void DeviceWatch::poll() {
    std::string now = blockSignature();
    if (now == lastSeen_) return;
    lastSeen_ = std::move(now);
    emit changed();
}

}  // namespace massho::service
