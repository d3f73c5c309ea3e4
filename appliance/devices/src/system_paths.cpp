#include "massho/appliance/system_paths.h"

namespace massho::appliance {

bool SystemPaths::isRealSystem() const {
    const SystemPaths real;
    return sys == real.sys && dev == real.dev && mountinfo == real.mountinfo && swaps == real.swaps;
}

}  // namespace massho::appliance
