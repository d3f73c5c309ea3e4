#include "massho/records/papers/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <string>

#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

QrCode QrCode::encode(std::string_view data) {
    // 8-bit mode for everything: the payload is UTF-8 text read back byte for byte.
    std::unique_ptr<QRcode, QrFree> code(
        QRcode_encodeData(static_cast<int>(data.size()),
                          reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M));
    if (!code)
        throw RecordsError("the certificate payload (" + std::to_string(data.size()) +
                           " bytes) does not fit one QR code at error correction M");
    const int width = code->width;
    std::vector<bool> modules(static_cast<size_t>(width) * static_cast<size_t>(width));
    // libqrencode: bit 0 of each byte is 1 for a dark module.
    for (size_t i = 0; i < modules.size(); ++i) modules[i] = (code->data[i] & 1) != 0;
    return QrCode(width, std::move(modules));
}

}  // namespace massho::records
