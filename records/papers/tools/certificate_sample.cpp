// Writes the sample certificate shown in records/papers/README.md: a throwaway register with one
// approved disposal erasure of a SATA disk, rendered exactly as `massho certificate` does.
// Usage: massho_certificate_sample OUT.pdf   (then: pdftoppm -png -r 100 -singlefile OUT.pdf …)
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "massho/records/papers/certificate.h"
#include "massho/records/papers/certificate_pdf.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"

using namespace massho::records;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fputs("usage: massho_certificate_sample OUT.pdf\n", stderr);
        return 2;
    }
    const auto dir = std::filesystem::temp_directory_path() / "massho-certificate-sample";
    std::filesystem::remove_all(dir);
    Store store = Store::create(dir, "erasure.city.example.lg.jp/massho", "admin", "管理者",
                                "sample-admin-passphrase");
    const uint64_t index = store.signedRegister().append(
        EntryBuilder("erasure")
            .set("result", "erased")
            .set("operator", "sato")
            .set("purpose", "disposal")
            .set("class", int64_t{3})
            .set("asset", "KU-PC-2019-0153")
            .set("request", "REQ-2026-0031")
            .set("requester", "sato")
            .set("approver", "yamada")
            .set("device_path", "/dev/sdb")
            .set("device_model", "ST1000DM010-2EP102")
            .set("device_serial", "Z9A4KQ3M")
            .set("device_transport", "sata")
            .set("device_media_type", "hdd")
            .set("device_size", int64_t{1000204886016})
            .set("device_sector", int64_t{512})
            .set("method", "random")
            .set("method_name", "One random pass (NIST SP 800-88 Clear)")
            .set("passes", "1: random (AES-128-CTR keystream)")
            .set("pass_count", int64_t{1})
            .set("bytes_written", int64_t{1000204886016})
            .set("error_ranges", "")
            .set("verify_mode", "full")
            .set("verify_result", "passed")
            .set("verify_bytes", int64_t{1000204886016})
            .set("nist_level", "clear")
            .set("started", "2026-03-02T01:15:00Z")
            .set("ended", "2026-03-02T03:02:41Z")
            .set("software", "massho 0.1.0")
            .finish());
    const Certificate c =
        prepareCertificate(store.signedRegister(), store.origin(), index, "suzuki", store.clock());
    const std::string pdf = renderCertificatePdf(c);
    std::ofstream(argv[1], std::ios::binary).write(pdf.data(), static_cast<long>(pdf.size()));
    std::filesystem::remove_all(dir);
    return 0;
}
