#pragma once

#include <chrono>
#include <cstdio>

#include "massho/erase/progress.h"
#include "massho/operations/progress_sink.h"

namespace massho::cli {

// Progress on stderr (massho(1)): a live bar on a terminal, otherwise one line every few seconds.
class ProgressPrinter {
  public:
    explicit ProgressPrinter(FILE* to = stderr);
    // What an operation's ProgressSink reports. The bar follows the overwrite engine's pass or
    // verification (update.engine); an update without the engine's detail (a step that has
    // only begun) prints nothing.
    void operator()(const operations::ProgressUpdate& update);
    // The engine's report alone (the commands not yet reporting through a ProgressSink).
    void operator()(const erase::Progress& p);
    void finish();  // ends the live line

  private:
    FILE* to_;
    bool terminal_;
    bool lineOpen_ = false;
    std::chrono::steady_clock::time_point lastLine_{};
};

}  // namespace massho::cli
