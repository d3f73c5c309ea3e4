#pragma once

#include <chrono>
#include <cstdio>

#include "massho/erase/erasure.h"

namespace massho::cli {

// Progress on stderr (massho(1)): a live bar on a terminal, otherwise one line every few seconds.
class ProgressPrinter {
  public:
    explicit ProgressPrinter(FILE* to = stderr);
    void operator()(const erase::Progress& p);
    void finish();  // ends the live line

  private:
    FILE* to_;
    bool terminal_;
    bool lineOpen_ = false;
    std::chrono::steady_clock::time_point lastLine_{};
};

}  // namespace massho::cli
