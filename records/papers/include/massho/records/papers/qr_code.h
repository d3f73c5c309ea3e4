#pragma once

#include <string_view>
#include <vector>

namespace massho::records {

// A QR code symbol as a square of modules (libqrencode, 8-bit mode, error correction M).
class QrCode {
  public:
    // Throws RecordsError when the data does not fit one symbol (version 40-M holds 2331 bytes).
    static QrCode encode(std::string_view data);

    int width() const { return width_; }  // modules per side, without the quiet zone
    bool dark(int x, int y) const {
        return modules_[static_cast<size_t>(y) * static_cast<size_t>(width_) +
                        static_cast<size_t>(x)];
    }

  private:
    QrCode(int width, std::vector<bool> modules) : width_(width), modules_(std::move(modules)) {}
    int width_;
    std::vector<bool> modules_;
};

}  // namespace massho::records
