#include "massho/testsupport/stalling_disk.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "massho/testsupport/command.h"
#include "massho/testsupport/pullable_disk.h"

extern char** environ;

namespace massho::testsupport {
namespace {

bool exported(const std::filesystem::path& file, uint64_t size) {
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) == size;
}

std::string quoted(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

}  // namespace

bool StallingDisk::toolsPresent() {
    return PullableDisk::toolsPresent();  // the same three tools
}

StallingDisk::StallingDisk(const std::filesystem::path& dir, uint64_t sizeBytes,
                           std::chrono::milliseconds writeDelay)
    : image_(dir / "stalling.img"),
      stallFlag_(dir / "stalled"),
      waitingFlag_(dir / "read-waiting"),
      writeStallFlag_(dir / "writes-stalled-from"),
      writeWaitingFlag_(dir / "write-waiting"),
      mountPoint_(dir / "stalling-fuse") {
    std::filesystem::create_directories(mountPoint_);
    std::ofstream(image_).close();
    std::filesystem::resize_file(image_, sizeBytes);
    startAndAttach(sizeBytes, writeScript(sizeBytes, writeDelay));
}

StallingDisk::~StallingDisk() {
    release();
    loop_.reset();  // losetup -d
    stopServer();
}

// The sh plugin's script: a read waits while the stall flag exists (and says it waits); a write
// at or past the offset in the write-stall flag waits while that flag exists (and says so); then
// it sleeps `writeDelay` and writes the image.
std::filesystem::path StallingDisk::writeScript(uint64_t sizeBytes,
                                                std::chrono::milliseconds writeDelay) const {
    const std::filesystem::path script = image_.string() + ".sh";
    std::ofstream s(script);
    s << "#!/bin/sh\n"
      << "IMG=" << quoted(image_) << "\n"
      << "case \"$1\" in\n"
      << "  get_size) echo " << sizeBytes << " ;;\n"
      << "  can_write|can_flush) exit 0 ;;\n"
      << "  flush) sync \"$IMG\" ;;\n"
      << "  pread)\n"
      << "    if [ -e " << quoted(stallFlag_) << " ]; then : >" << quoted(waitingFlag_) << "; fi\n"
      << "    while [ -e " << quoted(stallFlag_) << " ]; do sleep 0.05; done\n"
      << "    exec dd if=\"$IMG\" skip=$4 count=$3 iflag=count_bytes,skip_bytes status=none ;;\n"
      << "  pwrite)\n"
      << "    if [ -e " << quoted(writeStallFlag_) << " ] && [ \"$4\" -ge \"$(cat "
      << quoted(writeStallFlag_) << ")\" ]; then\n"
      << "      : >" << quoted(writeWaitingFlag_) << "\n"
      << "      while [ -e " << quoted(writeStallFlag_) << " ]; do sleep 0.05; done\n"
      << "    fi\n"
      << "    sleep " << writeDelay.count() / 1000.0 << "\n"
      << "    exec dd of=\"$IMG\" seek=$4 conv=notrunc oflag=seek_bytes status=none ;;\n"
      << "  *) exit 2 ;;\n"
      << "esac\n";
    s.close();
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return script;
}

// posix_spawn rather than fork: the tests run Qt and other threads (pullable_disk.cpp).
void StallingDisk::startAndAttach(uint64_t sizeBytes, const std::filesystem::path& script) {
    std::vector<std::string> args{
        "nbdfuse",      (mountPoint_ / "disk").string(), "--command", "nbdkit", "-s", "sh",
        script.string()};
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
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

void StallingDisk::stall() const {
    std::filesystem::remove(waitingFlag_);
    std::ofstream(stallFlag_).close();
    runChecked({"blockdev", "--flushbufs", loop_->path()});
}

void StallingDisk::stallWritesFrom(uint64_t offset) const {
    std::filesystem::remove(writeWaitingFlag_);
    const std::filesystem::path next = writeStallFlag_.string() + ".new";
    std::ofstream(next) << offset << "\n";
    std::filesystem::rename(next, writeStallFlag_);  // never seen half-written by the script
}

void StallingDisk::release() const {
    std::filesystem::remove(stallFlag_);
    std::filesystem::remove(writeStallFlag_);
}

bool StallingDisk::readWaiting() const {
    return std::filesystem::exists(waitingFlag_);
}

bool StallingDisk::writeWaiting() const {
    return std::filesystem::exists(writeWaitingFlag_);
}

void StallingDisk::stopServer() {
    if (server_ <= 0) return;
    ::kill(server_, SIGTERM);  // nbdfuse unmounts its file and ends nbdkit
    int status = 0;
    ::waitpid(server_, &status, 0);
    server_ = -1;
    runCommand({"fusermount3", "-u", "-z", mountPoint_.string()});
}

}  // namespace massho::testsupport
