#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "cli_error.h"

namespace massho::cli {
namespace {

void requireWritablePath(const std::string& path, const std::string& what) {
    if (path.empty()) throw badInput("the " + what + " file name is empty: give a path");
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode))
            throw badInput("'" + path + "' is a folder: give a file name for the " + what);
        if (!S_ISREG(st.st_mode))
            throw badInput("'" + path +
                           "' is not a regular file (a pipe, a device or a socket): give a file "
                           "name for the " +
                           what);
    }
    if (std::filesystem::path(path).filename().empty())
        throw badInput("'" + path + "' names a folder: give a file name for the " + what);
}

std::string folderOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

OutputFile::OutputFile(const std::string& path, const std::string& what)
    : path_(path), what_(what), toStdout_(path == "-") {
    if (toStdout_) return;
    requireWritablePath(path, what);
    const std::string folder = folderOf(path);
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw badInput("the folder '" + folder + "' for the " + what +
                       " does not exist: create it first or choose another path");
    std::string name = folder + "/." + std::filesystem::path(path).filename().string() + ".XXXXXX";
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    fd_ = ::mkostemp(buffer.data(), O_CLOEXEC);
    if (fd_ < 0)
        throw badInput("cannot create the " + what + " in '" + folder +
                       "': " + std::strerror(errno) + " (choose a folder you can write to)");
    temp_ = buffer.data();
    // mkostemp makes it 0600; give it the mode an ordinary new file would have.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
}

OutputFile::~OutputFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void OutputFile::write(const std::string& bytes) {
    if (toStdout_) {
        held_ += bytes;
        return;
    }
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw failed("cannot write the " + what_ + " '" + path_ + "': " + std::strerror(errno) +
                         " (check free space)");
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd_) != 0)
        throw failed("cannot write the " + what_ + " '" + path_ + "': " + std::strerror(errno));
}

void OutputFile::commit() {
    if (toStdout_) {
        const bool written = std::fwrite(held_.data(), 1, held_.size(), stdout) == held_.size();
        if (!written || std::fflush(stdout) != 0)
            throw failed("cannot write the " + what_ + " to standard output");
        committed_ = true;
        return;
    }
    ::close(fd_);
    fd_ = -1;
    if (::rename(temp_.c_str(), path_.c_str()) != 0)
        throw failed("cannot write the " + what_ + " '" + path_ + "': " + std::strerror(errno));
    committed_ = true;
}

void writeOutputFile(const std::string& path, const std::string& bytes, const std::string& what) {
    OutputFile out(path, what);
    out.write(bytes);
    out.commit();
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
