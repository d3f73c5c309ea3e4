#include "massho/testsupport/power_cut_disk.h"

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
#include "massho/testsupport/pullable_disk.h"

extern char** environ;

namespace massho::testsupport {
namespace {

// posix_spawn rather than fork: the tests run threads, and a forked child of a threaded process
// may only call async-signal-safe functions before exec. Standard error is dropped (nbdkit logs
// every failed request after the power cut).
pid_t spawn(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int failed = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed)
        throw std::runtime_error("cannot start " + args[0] + ": run appliance/tools/install-deps");
    return pid;
}

void endProcess(pid_t& pid, int signal) {
    if (pid <= 0) return;
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
    pid = -1;
}

template <typename Ready>
void waitUntil(Ready ready, const std::string& what) {
    for (int i = 0; i < 200 && !ready(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!ready()) throw std::runtime_error(what);
}

}  // namespace

bool PowerCutDisk::toolsPresent() {
    return PullableDisk::toolsPresent();
}

PowerCutDisk::PowerCutDisk(const std::filesystem::path& dir, uint64_t sizeBytes)
    : dir_(dir), image_(dir / "powered.img"), socket_(dir / "powered.sock"), size_(sizeBytes) {
    std::ofstream(image_).close();
    std::filesystem::resize_file(image_, sizeBytes);
    start();
}

PowerCutDisk::~PowerCutDisk() {
    stop();
}

void PowerCutDisk::start() {
    std::filesystem::remove(socket_);
    server_ = spawn({"nbdkit", "-f", "-U", socket_.string(), "--filter=cache", "file",
                     image_.string(), "cache=writeback"});
    waitUntil([&] { return std::filesystem::exists(socket_); }, "nbdkit did not start");
    const std::filesystem::path mountPoint =
        dir_ / ("powered-fuse-" + std::to_string(generation_++));
    std::filesystem::create_directories(mountPoint);
    const std::filesystem::path file = mountPoint / "disk";
    fuse_ = spawn({"nbdfuse", file.string(), "--unix", socket_.string()});
    waitUntil(
        [&] {
            struct stat st {};
            return ::stat(file.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) == size_;
        },
        "nbdfuse did not export " + image_.string());
    loop_ = std::make_unique<LoopDevice>(file, LoopOptions{.directIo = true});
}

void PowerCutDisk::stop() {
    loop_.reset();  // losetup -d: deferred by the kernel while a file system still holds it
    const std::filesystem::path mountPoint =
        dir_ / ("powered-fuse-" + std::to_string(generation_ - 1));
    endProcess(fuse_, SIGTERM);  // nbdfuse unmounts its file
    runCommand({"fusermount3", "-u", "-z", mountPoint.string()});
    endProcess(server_, SIGTERM);
}

void PowerCutDisk::cutPower() {
    endProcess(server_, SIGKILL);
}

void PowerCutDisk::powerOn() {
    stop();
    start();
}

}  // namespace massho::testsupport
