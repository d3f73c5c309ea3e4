#pragma once

#include <initializer_list>
#include <optional>
#include <string>

namespace massho::cli {

// A file a command writes (a certificate, a report), checked and created before anything is
// recorded: the path must name a regular file, new or existing, in an existing folder. A folder,
// a FIFO or a device is refused at once (bad input, exit 2), so nothing blocks and nothing is
// recorded for an output that cannot be written. The bytes go to a temporary file in the same
// folder (same file system, so the final rename is atomic) that replaces the path only on
// commit(); destroyed uncommitted, it leaves nothing behind. The path "-" means standard output
// (so a report or PDF can be piped): the bytes are held and written there on commit().
class OutputFile {
  public:
    OutputFile(const std::string& path, const std::string& what);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // All the bytes, fsynced; throws CliError (failed) on a short write (disk full).
    void write(const std::string& bytes);
    // Moves the written file onto the path; throws CliError (failed).
    void commit();

  private:
    std::string path_;
    std::string what_;
    std::string temp_;
    std::string held_;  // standard output's bytes, until commit()
    bool toStdout_ = false;
    int fd_ = -1;
    bool committed_ = false;
};

// Checks, writes and commits at once, for outputs that record nothing.
void writeOutputFile(const std::string& path, const std::string& bytes, const std::string& what);

// Two outputs given as "-" would be mixed into one stream: refused as bad usage (exit 2) before
// anything is done. `jsonOnStdout`: the command also prints its --json result there.
void requireOneStandardOutput(std::initializer_list<std::optional<std::string>> outputs,
                              bool jsonOnStdout = false);

}  // namespace massho::cli
