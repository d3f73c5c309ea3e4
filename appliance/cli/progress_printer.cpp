#include "progress_printer.h"

#include <unistd.h>

#include <string>

namespace massho::cli {
namespace {

constexpr auto kPlainInterval = std::chrono::seconds(5);

std::string formatEta(const std::optional<std::chrono::seconds>& eta) {
    if (!eta) return "--:--";
    long s = static_cast<long>(eta->count());
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%02ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace

ProgressPrinter::ProgressPrinter(FILE* to) : to_(to), terminal_(isatty(fileno(to)) == 1) {}

void ProgressPrinter::operator()(const operations::ProgressUpdate& update) {
    if (update.engine) (*this)(*update.engine);
}

void ProgressPrinter::operator()(const erase::Progress& p) {
    const bool writing = p.phase == erase::Progress::Phase::Writing;
    const double fraction =
        p.bytesTotal ? static_cast<double>(p.bytesDone) / static_cast<double>(p.bytesTotal) : 1.0;
    const double mibs = p.bytesPerSecond / (1024.0 * 1024.0);
    const std::string what =
        writing ? "pass " + std::to_string(p.pass) + "/" + std::to_string(p.passCount)
                : std::string("verify");
    if (terminal_) {
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(fraction * kWidth);
        std::string bar(static_cast<size_t>(filled), '#');
        bar.append(static_cast<size_t>(kWidth - filled), '.');
        std::fprintf(to_, "\r%-10s [%s] %5.1f%%  %7.1f MiB/s  ETA %s ", what.c_str(), bar.c_str(),
                     fraction * 100.0, mibs, formatEta(p.eta).c_str());
        (void)std::fflush(to_);  // a progress line only: a terminal gone is no error
        lineOpen_ = true;
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - lastLine_ < kPlainInterval && p.bytesDone != p.bytesTotal) return;
    lastLine_ = now;
    std::fprintf(to_, "%s: %.1f%% (%llu of %llu bytes), %.1f MiB/s, ETA %s\n", what.c_str(),
                 fraction * 100.0, static_cast<unsigned long long>(p.bytesDone),
                 static_cast<unsigned long long>(p.bytesTotal), mibs, formatEta(p.eta).c_str());
}

void ProgressPrinter::finish() {
    if (lineOpen_) std::fputc('\n', to_);
    lineOpen_ = false;
}

}  // namespace massho::cli
