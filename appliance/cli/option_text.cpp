#include "option_text.h"

#include <array>
#include <utility>

namespace massho::cli {
namespace {

using records::TextKind;

// Options whose value a person types and the register, the ledger or a report keeps.
constexpr std::array<std::pair<const char*, TextKind>, 28> kRecordedOptions{{
    // Who and what: user IDs, asset tags, request IDs, method IDs.
    {"as", TextKind::Identifier},
    {"admin", TextKind::Identifier},
    {"asset", TextKind::Identifier},
    {"request", TextKind::Identifier},
    {"witness", TextKind::Identifier},
    {"data-manager", TextKind::Identifier},
    {"method", TextKind::Identifier},
    {"role", TextKind::Identifier},
    // Names, places and particulars. A recipient is a key book name or an age public key
    // (plugin keys are longer than 64 characters).
    {"recipient", TextKind::Line},
    {"name", TextKind::Line},
    {"label", TextKind::Line},
    {"origin", TextKind::Line},
    {"section", TextKind::Line},
    {"location", TextKind::Line},
    {"destination", TextKind::Line},
    {"condition", TextKind::Line},
    {"manufacturer", TextKind::Line},
    {"model", TextKind::Line},
    {"serial", TextKind::Line},
    {"lessor", TextKind::Line},
    {"lease-contract", TextKind::Line},
    {"contractor", TextKind::Line},
    {"contractor-cert", TextKind::Line},
    {"place", TextKind::Line},
    {"printer", TextKind::Line},
    // Why: reasons and notes.
    {"reason", TextKind::Reason},
    {"note", TextKind::Reason},
    {"notes", TextKind::Reason},
}};

}  // namespace

records::TextKind optionTextKind(const QString& option) {
    for (const auto& [name, kind] : kRecordedOptions)
        if (option == QLatin1String(name)) return kind;
    return TextKind::Path;
}

}  // namespace massho::cli
