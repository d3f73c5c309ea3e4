#include "output_file.h"

#include <cstdio>
#include <fstream>

#include "cli_error.h"

namespace massho::cli {

void writeOutputFile(const std::string& pathOrDash, const std::string& bytes,
                     const std::string& afterFailure) {
    if (pathOrDash == "-") {
        const bool written = std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size();
        if (!written || std::fflush(stdout) != 0)
            throw failed("cannot write to standard output" + afterFailure);
        return;
    }
    std::ofstream out(pathOrDash, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
        throw failed("cannot write '" + pathOrDash + "': check the folder and free space" +
                     afterFailure);
}

void requireOneStandardOutput(std::initializer_list<std::optional<std::string>> outputs,
                              bool jsonOnStdout) {
    int onStdout = jsonOnStdout ? 1 : 0;
    for (const auto& o : outputs)
        if (o == "-") ++onStdout;
    if (onStdout > 1)
        throw badInput(
            "only one output can go to standard output ('-'): write the others to files");
}

}  // namespace massho::cli
