#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace massho::service {

// A refusal's stable reason key and its arguments (masshod(8), "Reasons"): what a front-end
// translates, while the English line stays what massho(1) prints. The key never changes once
// published; the line may be reworded.
struct RefusalReason {
    QString key;       // e.g. "login.wrong"
    QStringList args;  // the variable parts of the line, in the order the key documents
};

// One reason the service can give, and the shape of the English line that carries it.
struct ReasonPattern {
    const char* key;
    const char* pattern;  // a regular expression over the whole line; its groups are the args
};

// Every reason key the service can send (a front-end's translation must cover each).
const std::vector<ReasonPattern>& reasonCatalogue();

// The reason a line gives, or none for a line no pattern knows (a front-end shows it as is): for
// an error thrown without its reason (base/reason.h).
std::optional<RefusalReason> reasonFor(const QString& line);

}  // namespace massho::service
