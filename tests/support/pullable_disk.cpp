#include "massho/testsupport/pullable_disk.h"

#include <fstream>
#include <vector>

namespace massho::testsupport {

bool PullableDisk::toolsPresent() {
    return NbdkitLoop::toolsPresent();
}

PullableDisk::PullableDisk(const std::filesystem::path& dir, uint64_t sizeBytes,
                           std::chrono::milliseconds delay) {
    prepare(dir, sizeBytes);
    start(sizeBytes, {"--filter=delay", "file", image_.string(),
                      "rdelay=" + std::to_string(delay.count()) + "ms",
                      "wdelay=" + std::to_string(delay.count()) + "ms"});
}

PullableDisk::PullableDisk(const std::filesystem::path& dir, uint64_t sizeBytes, SelfPull when) {
    prepare(dir, sizeBytes);
    start(sizeBytes, {"sh", writeSelfPullingScript(sizeBytes, when).string()});
}

void PullableDisk::prepare(const std::filesystem::path& dir, uint64_t sizeBytes) {
    dir_ = dir;
    image_ = dir / "pullable.img";
    trigger_ = dir / "pulled";
    createSparseImage(image_, sizeBytes);
}

PullableDisk::~PullableDisk() {
    std::filesystem::remove(trigger_);
}

// The sh plugin's script: reads and writes the image with dd and, at the chosen request, creates
// the trigger file (from then on the error filter fails everything) and fails that request too.
std::filesystem::path PullableDisk::writeSelfPullingScript(uint64_t sizeBytes,
                                                           SelfPull when) const {
    std::filesystem::path script = image_.string() + ".sh";
    const std::string written = image_.string() + ".written";  // the last sector was written
    const std::string pull = ": >'" + trigger_.string() + "'; echo 'EIO pulled out' >&2; exit 1";
    const std::string at = std::to_string(when.byte);
    const std::string past = "[ $4 -le " + at + " ] && [ $(($4 + $3)) -gt " + at + " ]";
    const bool writing = when.during == SelfPull::During::Writing;
    std::ofstream s(script);
    s << "#!/bin/sh\n"
      << "IMG='" << image_.string() << "'\n"
      << "case \"$1\" in\n"
      << "  get_size) echo " << sizeBytes << " ;;\n"
      << "  can_write|can_flush) exit 0 ;;\n"
      << "  flush) sync \"$IMG\" ;;\n"
      << "  pread)\n"
      << (writing ? "" : "    if [ -e '" + written + "' ] && " + past + "; then " + pull + "; fi\n")
      << "    exec dd if=\"$IMG\" skip=$4 count=$3 iflag=count_bytes,skip_bytes status=none ;;\n"
      << "  pwrite)\n"
      << (writing ? "    if " + past + "; then cat >/dev/null; " + pull + "; fi\n" : "")
      << "    dd of=\"$IMG\" seek=$4 conv=notrunc oflag=seek_bytes status=none || exit 1\n"
      << (writing ? ""
                  : "    if [ $(($4 + $3)) -ge " + std::to_string(sizeBytes) + " ]; then : >'" +
                        written + "'; fi\n")
      << "    ;;\n"
      << "  *) exit 2 ;;\n"
      << "esac\n";
    s.close();
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return script;
}

void PullableDisk::start(uint64_t sizeBytes, const std::vector<std::string>& plugin) {
    // The error filter first, so that a pulled disk fails at once, delayed or not.
    std::vector<std::string> args{"--filter=error"};
    args.insert(args.end(), plugin.begin(), plugin.end());
    for (const std::string& p : {std::string("error=EIO"), std::string("error-rate=100%"),
                                 "error-file=" + trigger_.string()})
        args.push_back(p);
    disk_ = std::make_unique<NbdkitLoop>(dir_ / "pullable-fuse", sizeBytes, args);
}

void PullableDisk::pull() const {
    std::ofstream(trigger_).close();
}

bool PullableDisk::pulled() const {
    return std::filesystem::exists(trigger_);
}

}  // namespace massho::testsupport
