#include "transport.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "sysfs.h"

namespace massho::appliance::detail {
namespace fs = std::filesystem;

namespace {

bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// "usb2" for prefix "usb": the prefix followed by digits only.
bool isNumbered(const std::string& component, const std::string& prefix) {
    if (!startsWith(component, prefix) || component.size() == prefix.size()) return false;
    return std::all_of(component.begin() + static_cast<std::ptrdiff_t>(prefix.size()),
                       component.end(), [](unsigned char c) { return std::isdigit(c); });
}

// libata puts SATA and PATA ports under ataN; a SATA link reports its speed in
// ataN/linkM/ata_link/linkM/sata_spd ("6.0 Gbps"), a PATA link "<unknown>".
std::string sataOrPata(const fs::path& ataPort) {
    bool sawPata = false;
    for (const std::string& link : listNames(ataPort)) {
        if (!isNumbered(link, "link")) continue;
        std::string speed = readAttribute(ataPort / link / "ata_link" / link / "sata_spd");
        if (speed.find("Gbps") != std::string::npos) return "sata";
        if (speed == "<unknown>") sawPata = true;
    }
    return sawPata ? "ata" : "sata";
}

std::string byVirtualName(const std::string& diskName) {
    if (startsWith(diskName, "loop")) return "loop";
    if (startsWith(diskName, "dm-")) return "dm";
    if (startsWith(diskName, "md")) return "md";
    return "unknown";
}

std::string toLower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

}  // namespace

std::string transportOf(const fs::path& sysRoot, const fs::path& relativeSysDir,
                        const std::string& diskName) {
    fs::path soFar = sysRoot;
    std::string transport;
    for (const fs::path& part : relativeSysDir) {
        const std::string c = part.string();
        soFar /= part;
        // The outermost bus decides: a SATA disk in a USB enclosure is a USB device.
        if (isNumbered(c, "usb")) return "usb";
        if (c == "nvme" || startsWith(c, "nvme-subsys")) return "nvme";
        if (c == "mmc_host" || isNumbered(c, "mmc")) return "mmc";
        if (isNumbered(c, "virtio")) return "virtio";
        if (isNumbered(c, "ata")) return sataOrPata(soFar);
        if (transport.empty() && isNumbered(c, "host")) transport = "scsi";
    }
    if (!transport.empty()) return transport;
    return byVirtualName(diskName);
}

std::string guessMediaType(const std::string& transport, bool rotational,
                           const std::string& model) {
    if (transport == "loop" || transport == "virtio" || transport == "dm" || transport == "md") {
        return "virtual";
    }
    if (transport == "nvme") return "nvme";
    if (transport == "mmc") return "memory-card";
    if (transport == "usb") {
        if (rotational) return "hdd";
        // USB SSDs say so in their model; everything else non-rotational is a flash stick.
        return toLower(model).find("ssd") != std::string::npos ? "ssd" : "usb-flash";
    }
    if (transport == "sata" || transport == "ata" || transport == "scsi") {
        return rotational ? "hdd" : "ssd";
    }
    return "unknown";
}

}  // namespace massho::appliance::detail
