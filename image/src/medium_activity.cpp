#include "massho/image/medium_activity.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <fstream>

namespace massho::image {

MediumActivity::MediumActivity(const std::string& device) {
    struct stat st {};
    if (::stat(device.c_str(), &st) != 0 || !S_ISBLK(st.st_mode)) return;
    statPath_ = "/sys/dev/block/" + std::to_string(major(st.st_rdev)) + ":" +
                std::to_string(minor(st.st_rdev)) + "/stat";
    last_ = completed();
}

bool MediumActivity::moved() {
    if (statPath_.empty()) return false;
    const uint64_t now = completed();
    const bool changed = now != last_;
    last_ = now;
    return changed;
}

// Fields 1, 5, 12 and 16 (1-based) of the stat file: reads, writes, discards and flushes
// completed. Older kernels have fewer fields; those missing count as 0.
uint64_t MediumActivity::completed() const {
    std::ifstream in(statPath_);
    uint64_t sum = 0, value = 0;
    for (int field = 1; field <= 17 && in >> value; ++field)
        if (field == 1 || field == 5 || field == 12 || field == 16) sum += value;
    return sum;
}

}  // namespace massho::image
