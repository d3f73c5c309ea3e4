// libFuzzer: the massho.conf parser. The file decides who may approve what, so a line it
// misreads could weaken a rule. Contract: any text either parses or is refused with a
// RecordsError naming the line (ConfigError); it never crashes.
#include <cstdint>
#include <string_view>

#include "massho/records/people/config.h"
#include "massho/records/register/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)massho::records::Config::parse(text, "massho.conf");
    } catch (const massho::records::RecordsError&) {
    }
    return 0;
}
