#pragma once

// Reading a few fields of many register entries (a year's disposal list reads twenty-five
// thousand) without parseEntry's map: one pass finds where each field's value lies in the
// entry's own bytes, and a field is decoded only when asked for.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace massho::records {

class EntryView {
  public:
    // The entry's fields when it is a valid entry (entry_check.h: exactly the entries
    // validateEntry accepts, which parseEntry accepts too); nullopt otherwise, and the caller
    // reads it with parseEntry, which says what is wrong. The view refers to `bytes`.
    static std::optional<EntryView> of(std::string_view bytes);

    // What entryText(parseEntry(bytes), key) gives: the text, an integer in decimal, or "".
    std::string text(std::string_view key) const;

  private:
    struct Field {
        std::string_view key;
        std::string_view value;  // a string's bytes between its quotes (escaped), or the digits
        bool isString = false;
    };
    const Field* find(std::string_view key) const;

    std::vector<Field> fields_;  // in the entry's (sorted) key order
};

}  // namespace massho::records
