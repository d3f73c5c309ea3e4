// massho devices [--json]: every block device and the guard's verdict (appliance/devices).
#include "massho/appliance/devices.h"

#include <cstdio>

#include "../command_line.h"
#include "../commands.h"
#include "massho/appliance/device_json.h"

namespace massho::cli {

int runDevices(const Invocation& inv) {
    CommandLine cl(inv.name, inv.arguments);
    cl.addFlag("json", "Print a JSON array with the keys of CLI.md.");
    cl.parse(0, 0);

    appliance::GuardOptions guard;
    guard.protectedPaths.push_back(inv.dataDir);
    const auto devices = appliance::discoverDevices(guard);

    if (cl.isSet("json")) {
        std::fputs((appliance::toJson(devices) + "\n").c_str(), stdout);
        return 0;
    }
    std::printf("%-14s %10s %-8s %-10s %-24s %-20s %s\n", "DEVICE", "SIZE", "TRANSP", "MEDIA",
                "MODEL", "SERIAL", "ERASABLE");
    for (const auto& d : devices) {
        char size[32];
        std::snprintf(size, sizeof size, "%.1f GiB", static_cast<double>(d.sizeBytes) / (1u << 30));
        std::printf("%-14s %10s %-8s %-10s %-24.24s %-20.20s %s\n", d.path.c_str(), size,
                    d.transport.c_str(), d.mediaType.c_str(), d.model.c_str(), d.serial.c_str(),
                    d.eligible ? "yes" : ("no: " + d.reason).c_str());
    }
    return 0;
}

}  // namespace massho::cli
