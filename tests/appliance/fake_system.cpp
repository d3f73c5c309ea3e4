#include "fake_system.h"

#include <fstream>
#include <stdexcept>

namespace massho::appliance::testing {
namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& file, const std::string& value, bool append = false) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file, append ? std::ios::app : std::ios::trunc);
    out << value;
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

// The attributes every kernel block device folder has.
void writeCommonAttributes(const fs::path& dir, const std::string& dev, uint64_t sizeBytes) {
    writeFile(dir / "dev", dev + "\n");
    writeFile(dir / "size", std::to_string(sizeBytes / 512) + "\n");
    writeFile(dir / "ro", "0\n");
    fs::create_directories(dir / "holders");
}

}  // namespace

FakeSystem::FakeSystem(const fs::path& root) : root_(root) {
    paths_.sys = root / "sys";
    paths_.dev = root / "dev";
    paths_.mountinfo = root / "mountinfo";
    paths_.swaps = root / "swaps";
    fs::create_directories(paths_.sys / "block");
    fs::create_directories(paths_.dev);
    writeFile(paths_.mountinfo, "");
    writeFile(paths_.swaps, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n");
}

fs::path FakeSystem::addDisk(const std::string& name, const std::string& busPath,
                             const std::string& dev, uint64_t sizeBytes) {
    const fs::path relative = fs::path("devices") / busPath / "block" / name;
    fs::path dir = paths_.sys / relative;
    writeCommonAttributes(dir, dev, sizeBytes);
    writeFile(dir / "removable", "0\n");
    writeFile(dir / "queue" / "logical_block_size", "512\n");
    writeFile(dir / "queue" / "physical_block_size", "512\n");
    writeFile(dir / "queue" / "rotational", "0\n");
    fs::create_directories(dir / "slaves");
    fs::create_symlink(fs::path("..") / relative, paths_.sys / "block" / name);
    return dir;
}

void FakeSystem::removeDisk(const std::string& name) {
    const fs::path link = paths_.sys / "block" / name;
    fs::remove_all(fs::canonical(link));
    fs::remove(link);
}

fs::path FakeSystem::addPartition(const std::string& disk, const std::string& name,
                                  const std::string& dev, uint64_t sizeBytes) {
    fs::path dir = paths_.sys / "block" / disk / name;
    writeCommonAttributes(dir, dev, sizeBytes);
    writeFile(dir / "partition", name.substr(name.find_last_not_of("0123456789") + 1) + "\n");
    return dir;
}

fs::path FakeSystem::deviceDir(const std::string& name) const {
    if (fs::exists(paths_.sys / "block" / name)) return paths_.sys / "block" / name;
    for (const auto& disk : fs::directory_iterator(paths_.sys / "block")) {
        if (fs::exists(disk.path() / name / "partition")) return disk.path() / name;
    }
    throw std::runtime_error("fake sysfs has no device " + name);
}

void FakeSystem::setAttribute(const std::string& name, const std::string& relative,
                              const std::string& value) {
    writeFile(deviceDir(name) / relative, value);
}

void FakeSystem::writeSysFile(const std::string& relative, const std::string& value) {
    writeFile(paths_.sys / relative, value);
}

void FakeSystem::stack(const std::string& upper, const std::string& lower) {
    fs::create_directories(deviceDir(upper) / "slaves" / lower);
    fs::create_directories(deviceDir(lower) / "holders" / upper);
}

void FakeSystem::mount(const std::string& dev, const std::string& mountPoint,
                       const std::string& source, const std::string& fsType) {
    // proc(5): ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS OPTIONAL… - FSTYPE SOURCE SUPEROPTIONS
    const int id = nextMountId_++;
    writeFile(paths_.mountinfo,
              std::to_string(id) + " 1 " + dev + " / " + mountPoint + " rw,relatime shared:1 - " +
                  fsType + " " + source + " rw\n",
              true);
}

void FakeSystem::addSwap(const std::string& fileName) {
    writeFile(paths_.swaps,
              fileName + "                               partition\t1048572\t\t0\t\t-2\n", true);
}

}  // namespace massho::appliance::testing
