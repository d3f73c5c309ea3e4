#include "massho/image/readme.h"

namespace massho::image {
namespace {

std::string toCrlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

}  // namespace

std::string carryOutReadme(const ReadmeInfo& info) {
    const std::string& f = info.packageName;
    const std::string decryptJa =
        info.passphrase ? "  age -d -o data.tar " + f +
                              "\n    （別途伝えられたパスフレーズを入力してください）\n"
                        : "  age -d -i 受領部署の秘密鍵ファイル -o data.tar " + f + "\n";
    const std::string decryptEn =
        info.passphrase ? "  age -d -o data.tar " + f +
                              "\n    (enter the passphrase you were given separately)\n"
                        : "  age -d -i YOUR-OFFICE-KEY-FILE -o data.tar " + f + "\n";
    std::string text =
        "【持出し媒体】この媒体のデータは暗号化されています。\n"
        "\n"
        "ファイル: " +
        f +
        "\n"
        "宛先: " +
        info.destination +
        "\n"
        "作成日: " +
        info.date +
        "\n"
        "作成: " +
        info.origin +
        "（抹消 Massho）\n"
        "\n"
        "このファイルは age 形式（https://age-encryption.org/v1）で暗号化された tar "
        "アーカイブです。\n"
        "宛先の部署だけが復号できます。復号には標準の age ツール（Windows / macOS / Linux）を"
        "使います:\n"
        "\n" +
        decryptJa +
        "  tar -xf data.tar\n"
        "\n"
        "復号したデータは情報セキュリティ対策基準に従って取り扱い、不要になれば消去してください。\n"
        "媒体は返却してください。返却時に暗号鍵ごと消去（暗号化消去）されます。\n"
        "\n"
        "----------------------------------------------------------------------\n"
        "\n"
        "[Carry-out medium] The data on this medium is encrypted.\n"
        "\n"
        "File: " +
        f +
        "\n"
        "For: " +
        info.destination +
        "\n"
        "Made on: " +
        info.date +
        "\n"
        "By: " +
        info.origin +
        " (Massho)\n"
        "\n"
        "The file is a tar archive encrypted in the age format (https://age-encryption.org/v1).\n"
        "Only the receiving office can decrypt it, with the standard age tool (Windows, macOS,\n"
        "Linux):\n"
        "\n" +
        decryptEn +
        "  tar -xf data.tar\n"
        "\n"
        "Handle the decrypted data under your information security rules and erase it when it is\n"
        "no longer needed. Please return this medium: it is crypto-erased when it comes back.\n";
    return toCrlf(text);
}

}  // namespace massho::image
