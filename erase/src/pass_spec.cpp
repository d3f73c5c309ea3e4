#include "byte_format.h"
#include "massho/erase/method.h"

namespace massho::erase {

PassSpec PassSpec::constant(uint8_t byte) {
    return {Kind::Constant, {byte}, 0};
}

PassSpec PassSpec::repeating(std::vector<uint8_t> bytes) {
    return {Kind::Repeating, std::move(bytes), 0};
}

PassSpec PassSpec::random() {
    return {Kind::Random, {}, 0};
}

PassSpec PassSpec::complement(int passNumber) {
    return {Kind::Complement, {}, passNumber};
}

std::string PassSpec::describe() const {
    switch (kind) {
        case Kind::Constant:
        case Kind::Repeating:
            return detail::hexBytes(bytes);
        case Kind::Random:
            return "random (AES-128-CTR)";
        case Kind::Complement:
            return "complement of pass " + std::to_string(complementOf);
    }
    return "unknown pass";
}

}  // namespace massho::erase
