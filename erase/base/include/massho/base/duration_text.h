#pragma once

#include <chrono>
#include <string>

namespace massho::base {

// "5 s", "250 ms", "45 min": a wait as a person would say it, in the messages of the stall
// watchdogs (erase/'s IoWatch, the carry-out's progress deadline). Whole minutes from ten.
std::string durationText(std::chrono::milliseconds t);

}  // namespace massho::base
