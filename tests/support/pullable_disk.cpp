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
                           std::chrono::milliseconds delay)
    : image_(dir / "pullable.img"), trigger_(dir / "pulled"), mountPoint_(dir / "pullable-fuse") {
    std::filesystem::create_directories(mountPoint_);
    std::ofstream(image_).close();
    std::filesystem::resize_file(image_, sizeBytes);
    startServer(sizeBytes, delay);
    loop_ = std::make_unique<LoopDevice>(mountPoint_ / "disk", LoopOptions{.directIo = true});
}

PullableDisk::~PullableDisk() {
    std::filesystem::remove(trigger_);
    loop_.reset();  // losetup -d
    stopServer();
}

// posix_spawn rather than fork: the tests run Qt and other threads, and a forked child of a
// threaded process may only call async-signal-safe functions before exec.
void PullableDisk::startServer(uint64_t sizeBytes, std::chrono::milliseconds delay) {
    // The error filter first, so that a pulled disk fails at once, delayed or not.
    const std::vector<std::string> args{"nbdfuse",
                                        (mountPoint_ / "disk").string(),
                                        "--command",
                                        "nbdkit",
                                        "-s",
                                        "--filter=error",
                                        "--filter=delay",
                                        "file",
                                        image_.string(),
                                        "error=EIO",
                                        "error-rate=100%",
                                        "error-file=" + trigger_.string(),
                                        "rdelay=" + std::to_string(delay.count()) + "ms",
                                        "wdelay=" + std::to_string(delay.count()) + "ms"};
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
}

void PullableDisk::pull() const {
    std::ofstream(trigger_).close();
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
