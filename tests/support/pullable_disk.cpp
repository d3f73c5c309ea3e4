#include "massho/testsupport/pullable_disk.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "massho/testsupport/command.h"

extern char** environ;

namespace massho::testsupport {
namespace {

bool haveTool(const std::string& name) {
    return runCommand({"sh", "-c", "command -v " + name}).exitCode == 0;
}

bool exported(const std::filesystem::path& file, uint64_t size) {
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) == size;
}

}  // namespace

bool PullableDisk::toolsPresent() {
    return haveTool("nbdkit") && haveTool("nbdfuse") && haveTool("fusermount3");
}

PullableDisk::PullableDisk(const std::filesystem::path& dir, uint64_t sizeBytes,
                           std::chrono::milliseconds delay) {
    prepare(dir, sizeBytes);
    startAndAttach(sizeBytes, {"--filter=delay", "file", image_.string(),
                               "rdelay=" + std::to_string(delay.count()) + "ms",
                               "wdelay=" + std::to_string(delay.count()) + "ms"});
}

PullableDisk::PullableDisk(const std::filesystem::path& dir, uint64_t sizeBytes, SelfPull when) {
    prepare(dir, sizeBytes);
    startAndAttach(sizeBytes, {"sh", writeSelfPullingScript(sizeBytes, when).string()});
}

void PullableDisk::prepare(const std::filesystem::path& dir, uint64_t sizeBytes) {
    image_ = dir / "pullable.img";
    trigger_ = dir / "pulled";
    mountPoint_ = dir / "pullable-fuse";
    std::filesystem::create_directories(mountPoint_);
    std::ofstream(image_).close();
    std::filesystem::resize_file(image_, sizeBytes);
}

PullableDisk::~PullableDisk() {
    std::filesystem::remove(trigger_);
    loop_.reset();  // losetup -d
    stopServer();
}

// The sh plugin's script: reads and writes the image with dd and, at the chosen request, creates
// the trigger file (from then on the error filter fails everything) and fails that request too.
std::filesystem::path PullableDisk::writeSelfPullingScript(uint64_t sizeBytes,
                                                           SelfPull when) const {
    const std::filesystem::path script = image_.string() + ".sh";
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

// posix_spawn rather than fork: the tests run Qt and other threads, and a forked child of a
// threaded process may only call async-signal-safe functions before exec.
void PullableDisk::startAndAttach(uint64_t sizeBytes, const std::vector<std::string>& plugin) {
    // The error filter first, so that a pulled disk fails at once, delayed or not.
    std::vector<std::string> args{
        "nbdfuse", (mountPoint_ / "disk").string(), "--command", "nbdkit", "-s", "--filter=error"};
    args.insert(args.end(), plugin.begin(), plugin.end());
    for (const std::string& p : {std::string("error=EIO"), std::string("error-rate=100%"),
                                 "error-file=" + trigger_.string()})
        args.push_back(p);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // nbdkit logs every injected error.
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const int failed = posix_spawnp(&server_, "nbdfuse", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed) throw std::runtime_error("cannot start nbdfuse: run appliance/tools/install-deps");
    for (int i = 0; i < 200 && !exported(mountPoint_ / "disk", sizeBytes); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!exported(mountPoint_ / "disk", sizeBytes))
        throw std::runtime_error("nbdfuse did not export " + image_.string());
    loop_ = std::make_unique<LoopDevice>(mountPoint_ / "disk", LoopOptions{.directIo = true});
}

void PullableDisk::pull() const {
    std::ofstream(trigger_).close();
}

bool PullableDisk::pulled() const {
    return std::filesystem::exists(trigger_);
}

void PullableDisk::stopServer() {
    if (server_ <= 0) return;
    ::kill(server_, SIGTERM);  // nbdfuse unmounts its file and ends nbdkit
    int status = 0;
    ::waitpid(server_, &status, 0);
    server_ = -1;
    // Unmounted already unless the kernel still held the file; lazily then.
    runCommand({"fusermount3", "-u", "-z", mountPoint_.string()});
}

}  // namespace massho::testsupport
