#include "massho/testsupport/nbdkit_loop.h"

#include <signal.h>
#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

#include "massho/testsupport/command.h"
#include "massho/testsupport/quiet_process.h"

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

bool NbdkitLoop::toolsPresent() {
    return haveTool("nbdkit") && haveTool("nbdfuse") && haveTool("fusermount3");
}

NbdkitLoop::NbdkitLoop(const std::filesystem::path& mountPoint, uint64_t sizeBytes,
                       const std::vector<std::string>& nbdkitArgs)
    : mountPoint_(mountPoint) {
    std::filesystem::create_directories(mountPoint_);
    const std::filesystem::path disk = mountPoint_ / "disk";
    std::vector<std::string> args{"nbdfuse", disk.string(), "--command", "nbdkit", "-s"};
    args.insert(args.end(), nbdkitArgs.begin(), nbdkitArgs.end());
    server_ = startQuietly(args);
    try {
        const std::string none = "nbdfuse did not export a disk of " + std::to_string(sizeBytes) +
                                 " bytes at " + disk.string();
        waitUntil([&] { return exported(disk, sizeBytes); }, none);
        loop_ = std::make_unique<LoopDevice>(disk, LoopOptions{.directIo = true});
    } catch (...) {
        stop();  // the destructor does not run for a constructor that threw
        throw;
    }
}

NbdkitLoop::~NbdkitLoop() {
    loop_.reset();  // losetup -d
    stop();
}

void NbdkitLoop::stop() {
    if (server_ <= 0) return;
    endProcess(server_, SIGTERM);  // nbdfuse unmounts its file and ends nbdkit
    // Unmounted already unless the kernel still held the file; lazily then.
    runCommand({"fusermount3", "-u", "-z", mountPoint_.string()});
}

void createSparseImage(const std::filesystem::path& file, uint64_t sizeBytes) {
    std::ofstream(file).close();
    std::filesystem::resize_file(file, sizeBytes);
}

}  // namespace massho::testsupport
