#include "massho/base/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "massho/base/unique_fd.h"

namespace massho::base {
namespace {

using Problem = RegularFileRead::Problem;

RegularFileRead problem(Problem p, int error = 0) {
    RegularFileRead r;
    r.problem = p;
    r.error = error;
    return r;
}

}  // namespace

RegularFileRead readRegularFile(const std::string& path, std::size_t maxBytes) {
    const UniqueFd in(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!in) return problem(Problem::CannotOpen, errno);
    struct stat st {};
    if (::fstat(in.get(), &st) != 0) return problem(Problem::ReadFailed, errno);
    if (S_ISDIR(st.st_mode)) return problem(Problem::Folder);
    if (!S_ISREG(st.st_mode)) return problem(Problem::NotRegular);
    if (static_cast<uintmax_t>(st.st_size) > maxBytes) return problem(Problem::TooLarge);
    RegularFileRead r;
    r.bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(in.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return problem(Problem::ReadFailed, errno);
        if (n == 0) return r;
        r.bytes.append(buf, static_cast<std::size_t>(n));
        if (r.bytes.size() > maxBytes) return problem(Problem::TooLarge);  // it grew meanwhile
    }
}

}  // namespace massho::base
