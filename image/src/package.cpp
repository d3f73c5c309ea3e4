#include "massho/image/package.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <memory>
#include <set>
#include <vector>

#include "massho/base/unique_fd.h"
#include "massho/image/carryout_error.h"
#include "utf8_names.h"

namespace massho::image {
namespace {

namespace fs = std::filesystem;
using Kind = CarryOutError::Kind;

constexpr uint64_t kTarBlock = 512;
constexpr uint64_t kTarRecord = 10240;  // libarchive's default blocking: 20 × 512
constexpr size_t kReadChunk = 64 * 1024;

uint64_t roundUp(uint64_t n, uint64_t to) {
    return (n + to - 1) / to * to;
}

// A pax header (long names, big sizes) costs a header block plus at most a few data blocks.
uint64_t entryUpperBound(const PackageItem& item) {
    return kTarBlock + 4 * kTarBlock + roundUp(item.size, kTarBlock);
}

struct stat lstatOrThrow(const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0)
        throw CarryOutError(Kind::BadInput,
                            "cannot read " + p.string() + ": " + std::strerror(errno));
    return st;
}

// A file that cannot be opened is refused now, not after the medium was erased. O_NONBLOCK: a
// FIFO swapped in since lstat must not block the open (O_NOFOLLOW: nor a symlink be followed).
void requireReadable(const fs::path& p) {
    base::UniqueFd fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0)
        throw CarryOutError(Kind::BadInput, "cannot read " + p.string() + ": " +
                                                std::strerror(errno) +
                                                ": make it readable or leave it out");
}

class Planner {
  public:
    explicit Planner(size_t maxItems) : maxItems_(maxItems) {}

    void add(const fs::path& source, const std::string& name) {
        // The pax `path` record is UTF-8 (POSIX.1-2008 pax, hdrcharset): a name that is not
        // could not be written, and the receiving office could not read it.
        if (!isUtf8(name))
            throw CarryOutError(Kind::BadInput, source.string() +
                                                    ": its name is not valid UTF-8: rename it "
                                                    "before carrying it out");
        struct stat st = lstatOrThrow(source);
        if (S_ISLNK(st.st_mode))
            throw CarryOutError(Kind::BadInput, source.string() +
                                                    " is a symbolic link: choose the file it "
                                                    "points to (links are not carried out)");
        if (S_ISREG(st.st_mode)) {
            requireReadable(source);
            push({source, name, false, static_cast<uint64_t>(st.st_size)});
            plan_.fileCount++;
            plan_.totalBytes += static_cast<uint64_t>(st.st_size);
            return;
        }
        if (!S_ISDIR(st.st_mode))
            throw CarryOutError(Kind::BadInput, source.string() +
                                                    " is not a regular file or folder: only "
                                                    "files and folders can be carried out");
        push({source, name, true, 0});
        std::vector<fs::path> children;
        std::error_code ec;
        for (fs::directory_iterator it(source, ec), end; !ec && it != end; it.increment(ec))
            children.push_back(it->path());
        if (ec)
            throw CarryOutError(Kind::BadInput,
                                "cannot list " + source.string() + ": " + ec.message());
        std::sort(children.begin(), children.end());
        for (const auto& child : children) add(child, name + "/" + child.filename().string());
    }

    PackagePlan take() { return std::move(plan_); }

  private:
    void push(PackageItem item) {
        if (plan_.items.size() >= maxItems_)
            throw CarryOutError(Kind::BadInput, "more than " + std::to_string(maxItems_) +
                                                    " files and folders: package fewer");
        plan_.tarBytesUpperBound += entryUpperBound(item);
        plan_.items.push_back(std::move(item));
    }

    size_t maxItems_;
    PackagePlan plan_;
};

struct ArchiveDeleter {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

// libarchive calls back into C++ through C: exceptions must not cross it, so the sink's
// exception is parked here and rethrown once libarchive returns.
struct SinkContext {
    const std::function<void(const void*, size_t)>* sink;
    std::exception_ptr error;
};

la_ssize_t writeCallback(archive*, void* opaque, const void* buffer, size_t length) {
    auto* ctx = static_cast<SinkContext*>(opaque);
    try {
        (*ctx->sink)(buffer, length);
        return static_cast<la_ssize_t>(length);
    } catch (...) {
        ctx->error = std::current_exception();
        return -1;
    }
}

class TarWriter {
    Utf8Ctype utf8Names_;  // first: held from archive_write_new to archive_write_free

  public:
    explicit TarWriter(SinkContext& ctx) : ctx_(ctx), a_(archive_write_new()) {
        if (!a_ || archive_write_set_format_pax_restricted(a_.get()) != ARCHIVE_OK ||
            archive_write_open(a_.get(), &ctx_, nullptr, writeCallback, nullptr) != ARCHIVE_OK)
            fail("starting the tar stream");
    }

    void header(const PackageItem& item, const struct stat& st) {
        std::unique_ptr<archive_entry, EntryDeleter> e(archive_entry_new());
        archive_entry_set_pathname_utf8(e.get(), item.name.c_str());
        archive_entry_set_filetype(e.get(), item.directory ? AE_IFDIR : AE_IFREG);
        // Permissions only (no owner): the receiving office has other users.
        archive_entry_set_perm(e.get(), item.directory ? 0755 : (st.st_mode & 0111 ? 0755 : 0644));
        archive_entry_set_size(e.get(), static_cast<la_int64_t>(item.size));
        archive_entry_set_mtime(e.get(), st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
        if (archive_write_header(a_.get(), e.get()) != ARCHIVE_OK) fail("writing " + item.name);
    }

    void data(const void* bytes, size_t size, const std::string& name) {
        if (archive_write_data(a_.get(), bytes, size) != static_cast<la_ssize_t>(size))
            fail("writing " + name);
    }

    void close() {
        if (archive_write_close(a_.get()) != ARCHIVE_OK) fail("finishing the tar stream");
    }

  private:
    [[noreturn]] void fail(const std::string& what) {
        if (ctx_.error) std::rethrow_exception(ctx_.error);
        const char* why = a_ ? archive_error_string(a_.get()) : nullptr;
        throw CarryOutError(Kind::Failed, "tar: " + what + " failed: " + (why ? why : "no reason"));
    }

    SinkContext& ctx_;
    std::unique_ptr<archive, ArchiveDeleter> a_;
};

void copyFile(TarWriter& tar, const PackageItem& item, std::vector<char>& buf, uint64_t& done,
              const std::function<void(uint64_t)>& onBytes) {
    base::UniqueFd fd(::open(item.source.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (fd.get() < 0)
        throw CarryOutError(Kind::Failed,
                            "cannot open " + item.source.string() + ": " + std::strerror(errno));
    uint64_t left = item.size;
    while (left > 0) {
        ssize_t n = ::read(fd.get(), buf.data(), std::min<uint64_t>(buf.size(), left));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw CarryOutError(Kind::Failed, "reading " + item.source.string() +
                                                  " failed: " + std::strerror(errno));
        if (n == 0) break;
        tar.data(buf.data(), static_cast<size_t>(n), item.name);
        left -= static_cast<uint64_t>(n);
        done += static_cast<uint64_t>(n);
        if (onBytes) onBytes(done);
    }
    char extra;
    if (left != 0 || ::read(fd.get(), &extra, 1) != 0)
        throw CarryOutError(Kind::Failed, item.source.string() +
                                              " changed size while it was being packaged: "
                                              "close the program using it and try again");
}

}  // namespace

PackagePlan planPackage(const std::vector<fs::path>& sources, size_t maxItems) {
    if (sources.empty()) throw CarryOutError(Kind::BadInput, "no files chosen: add --file PATH");
    Planner planner(maxItems);
    std::set<std::string> topNames;
    for (const auto& s : sources) {
        fs::path abs = fs::absolute(s).lexically_normal();
        if (abs.has_filename() == false) abs = abs.parent_path();
        std::string name = abs.filename().string();
        if (name.empty() || name == "." || name == "..")
            throw CarryOutError(Kind::BadInput, "'" + s.string() + "' names no file or folder");
        if (!topNames.insert(name).second)
            throw CarryOutError(Kind::BadInput, "two chosen paths are both named '" + name +
                                                    "': they would overwrite each other");
        planner.add(abs, name);
    }
    PackagePlan plan = planner.take();
    if (plan.fileCount == 0)
        throw CarryOutError(Kind::BadInput,
                            "nothing to carry out: the chosen folders hold no files; choose the "
                            "files to carry out (the medium was not touched)");
    Utf8Ctype utf8Available;  // fails here, before the medium is touched, not while writing
    plan.tarBytesUpperBound = roundUp(plan.tarBytesUpperBound + 2 * kTarBlock, kTarRecord);
    return plan;
}

void writeTar(const PackagePlan& plan, const std::function<void(const void*, size_t)>& sink,
              const std::function<void(uint64_t)>& onBytes) {
    SinkContext ctx{&sink, nullptr};
    TarWriter tar(ctx);
    std::vector<char> buf(kReadChunk);
    uint64_t done = 0;
    for (const auto& item : plan.items) {
        struct stat st = lstatOrThrow(item.source);
        if ((item.directory ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) ||
            (!item.directory && static_cast<uint64_t>(st.st_size) != item.size))
            throw CarryOutError(Kind::Failed, item.source.string() +
                                                  " changed while it was being packaged: "
                                                  "try again when nothing writes to it");
        tar.header(item, st);
        if (!item.directory) copyFile(tar, item, buf, done, onBytes);
    }
    tar.close();
}

}  // namespace massho::image
