#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "massho/erase/erasure.h"
#include "massho/erase/target.h"
#include "massho/testsupport/loop_device.h"
#include "massho/testsupport/temp_dir.h"

namespace massho::erase::test {

// A loop device of `size` bytes whose backing file starts filled with `fill`, so that a pass
// which skips anything shows.
struct FilledLoop {
    FilledLoop(uint64_t size, uint8_t fill, testsupport::LoopOptions options = {});
    testsupport::TempDir dir;
    std::unique_ptr<testsupport::LoopDevice> loop;
};

// Fills a file of `size` bytes with `byte`.
void writeFilledFile(const std::string& path, uint64_t size, uint8_t byte);

// The "media" of a fake drive (fake_drives.h): an image file of `size` bytes filled with 5Ah,
// which the fake's command overwrites as the drive would.
struct DriveMedium {
    explicit DriveMedium(uint64_t bytes) : size(bytes) { writeFilledFile(path, size, 0x5A); }
    std::unique_ptr<Target> open() const { return openTarget(path, OpenOptions{true}); }
    void overwrite(uint8_t byte) const { writeFilledFile(path, size, byte); }
    uint64_t size;
    testsupport::TempDir dir;
    std::string path = (dir / "drive.img").string();
};
std::vector<uint8_t> readFile(const std::string& path);
// Shannon entropy in bits per byte.
double entropyBitsPerByte(const std::vector<uint8_t>& data);
// Offset of the first byte != `byte`, or -1.
int64_t firstNotEqual(const std::vector<uint8_t>& data, uint8_t byte);

// A target standing for another and passing every call through, taken as a block device: the
// base of the tests' faulty devices, which override only the calls they break.
class ForwardingTarget : public Target {
  public:
    explicit ForwardingTarget(std::unique_ptr<Target> inner) : inner_(std::move(inner)) {}
    const std::string& path() const override { return inner_->path(); }
    uint64_t size() const override { return inner_->size(); }
    uint32_t logicalSector() const override { return inner_->logicalSector(); }
    uint32_t physicalSector() const override { return inner_->physicalSector(); }
    bool isBlockDevice() const override { return true; }
    bool directIo() const override { return inner_->directIo(); }
    ssize_t writeAt(const uint8_t* d, std::size_t n, uint64_t at) override {
        return inner_->writeAt(d, n, at);
    }
    ssize_t readAt(uint8_t* d, std::size_t n, uint64_t at) override {
        return inner_->readAt(d, n, at);
    }
    int flush() override { return inner_->flush(); }

  protected:
    Target& inner() { return *inner_; }
    const Target& inner() const { return *inner_; }

  private:
    std::unique_ptr<Target> inner_;
};

// Options for `methodId` with its default verification and no progress.
EraseOptions optionsFor(const std::string& methodId);
Report erase(const std::string& path, const EraseOptions& options);

}  // namespace massho::erase::test
