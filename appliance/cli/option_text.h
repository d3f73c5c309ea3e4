#pragma once

#include <QString>

#include "massho/records/register/text_field.h"

namespace massho::cli {

// Which rules of text_field.h an option's value follows. One table for every command,
// so a new command's options are covered the day it is written: anything not listed is read by
// the program rather than recorded (a file, a device, a date, a number, one of a fixed set of
// words) and gets the baseline rules of a Path.
records::TextKind optionTextKind(const QString& option);

}  // namespace massho::cli
