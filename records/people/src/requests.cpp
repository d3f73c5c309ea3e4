#include "massho/records/people/requests.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "massho/base/information_class.h"
#include "massho/base/reason.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/policy_errors.h"
#include "massho/records/register/text_field.h"

namespace massho::records {
namespace {

constexpr const char* kSelect =
    "SELECT id, kind, state, requester, created, purpose, class, asset, method, destination, "
    "note, device_path, device_model, device_serial, device_size, request_entry, decided_by, "
    "decided, reason, approval_expires, decision_entry, used_entry FROM requests";

RequestKind parseKind(const std::string& text) {
    return text == "carryout" ? RequestKind::Carryout : RequestKind::Erase;
}

RequestState parseState(std::string_view text) {
    if (text == "approved") return RequestState::Approved;
    if (text == "rejected") return RequestState::Rejected;
    if (text == "claimed") return RequestState::Claimed;
    if (text == "used") return RequestState::Used;
    return RequestState::Pending;
}

std::optional<uint64_t> optionalIndex(const Statement& row, int column) {
    if (row.isNull(column)) return std::nullopt;
    return static_cast<uint64_t>(row.integer(column));
}

void assignOptional(std::optional<std::string>& to, const Statement& row, int column) {
    if (row.isNull(column))
        to.reset();
    else if (to)
        to->assign(row.textView(column));
    else
        to.emplace(row.textView(column));
}

// Into `r`, reusing its strings' memory: a list of every request fills one Request per row.
void fillRequest(Request& r, const Statement& row) {
    r.id.assign(row.textView(0));
    r.details.kind = parseKind(row.text(1));
    r.state = parseState(row.textView(2));
    r.requester.assign(row.textView(3));
    r.created.assign(row.textView(4));
    r.details.purpose.assign(row.textView(5));
    r.details.infoClass = static_cast<int>(row.integer(6));
    r.details.assetTag.assign(row.textView(7));
    r.details.method.assign(row.textView(8));
    r.details.destination.assign(row.textView(9));
    r.details.note.assign(row.textView(10));
    r.details.device.path.assign(row.textView(11));
    r.details.device.model.assign(row.textView(12));
    r.details.device.serial.assign(row.textView(13));
    r.details.device.sizeBytes = static_cast<uint64_t>(row.integer(14));
    r.requestEntry = static_cast<uint64_t>(row.integer(15));
    assignOptional(r.decidedBy, row, 16);
    assignOptional(r.decided, row, 17);
    assignOptional(r.reason, row, 18);
    assignOptional(r.approvalExpires, row, 19);
    r.decisionEntry = optionalIndex(row, 20);
    r.usedEntry = optionalIndex(row, 21);
}

std::optional<std::string_view> optionalView(const Statement& row, int column) {
    if (row.isNull(column)) return std::nullopt;
    return row.textView(column);
}

// The " WHERE state IN (?, …)" of `states` (none: every row), bound by bindStates.
std::string stateFilter(const std::vector<RequestState>* states) {
    if (!states) return {};
    std::string in;
    for (size_t k = 0; k < states->size(); ++k) in += k == 0 ? "?" : ", ?";
    return " WHERE state IN (" + in + ")";
}

void bindStates(Statement& select, const std::vector<RequestState>* states) {
    if (states)
        for (size_t k = 0; k < states->size(); ++k)
            select.bind(static_cast<int>(k + 1), toString((*states)[k]));
}

// The next "<byte length>:<text>" of `listed` (schema version 10), or false when malformed.
bool nextField(std::string_view& listed, std::string_view& field) {
    const size_t colon = listed.find(':');
    size_t length = 0;
    const char* end = listed.data() + (colon == std::string_view::npos ? 0 : colon);
    if (colon == std::string_view::npos || colon == 0 ||
        std::from_chars(listed.data(), end, length).ptr != end ||
        length > listed.size() - colon - 1)
        return false;
    field = listed.substr(colon + 1, length);
    listed.remove_prefix(colon + 1 + length);
    return true;
}

// An integer field as the table's own column reads it (sqlite3_column_int64 of its text).
bool integerField(std::string_view& listed, int64_t& value) {
    std::string_view text;
    if (!nextField(listed, text)) return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

// The printed fields other than ID, state and expiry, from the requests_listing index's column.
bool readListed(std::string_view listed, RequestLine& line) {
    std::string_view decidedBy;
    int64_t infoClass = 0, size = 0;
    const bool ok = nextField(listed, line.purpose) && integerField(listed, infoClass) &&
                    nextField(listed, line.assetTag) && nextField(listed, line.requester) &&
                    nextField(listed, decidedBy) && nextField(listed, line.method) &&
                    nextField(listed, line.devicePath) && nextField(listed, line.deviceModel) &&
                    nextField(listed, line.deviceSerial) && integerField(listed, size) &&
                    listed.empty();
    line.infoClass = static_cast<int>(infoClass);
    line.deviceSize = static_cast<uint64_t>(size);
    // A request not yet decided is joined with "-", which is what the list prints for it.
    line.decidedBy = decidedBy;
    return ok;
}

Request readRequest(const Statement& row) {
    Request r;
    fillRequest(r, row);
    return r;
}

// The rules of text_field.h, thrown as RequestError (the type callers expect for bad fields).
void checkText(std::string_view value, const char* field, TextKind kind, bool required) {
    if (!required && value.empty()) return;
    if (auto problem = textProblem(value, kind))
        throw RequestError(std::string(field) + " " + *problem);
}

void validate(const RequestDetails& d) {
    if (d.kind == RequestKind::Erase) {
        if (d.purpose != "reuse" && d.purpose != "disposal" && d.purpose != "lease-return")
            throw RequestError("unknown purpose '" + d.purpose.substr(0, 40) +
                               "': use reuse, disposal or lease-return");
        checkText(d.method, "--method", TextKind::Identifier, true);
    } else {
        if (d.purpose != "carryout")
            throw RequestError("a carry-out request has purpose 'carryout'");
        checkText(d.destination, "--destination", TextKind::Line, true);
    }
    if (!base::isInformationClass(d.infoClass))
        throw RequestError("information class must be 1, 2, 3 or 4 (Art. 7)");
    checkText(d.assetTag, "--asset", TextKind::Identifier, true);
    checkText(d.note, "--note", TextKind::Reason, false);
    // Read from the device, not typed: only the baseline rules.
    checkText(d.device.path, "the device", TextKind::Path, true);
    checkText(d.device.model, "the device model", TextKind::Path, false);
    checkText(d.device.serial, "the device serial", TextKind::Path, false);
}

Clock fixedClock(TimePoint t) {
    return [t] { return t; };
}

// The first difference between what was approved and what is about to happen, or "".
std::string mismatch(const RequestDetails& approved, const RequestDetails& actual) {
    if (approved.kind != actual.kind)
        return std::string("it is a ") + std::string(toString(approved.kind)) + " request";
    if (approved.purpose != actual.purpose)
        return "it approves purpose " + approved.purpose + ", not " + actual.purpose;
    if (approved.infoClass != actual.infoClass)
        return "it approves class " + std::to_string(approved.infoClass) + ", not " +
               std::to_string(actual.infoClass);
    if (approved.assetTag != actual.assetTag)
        return "it approves asset " + approved.assetTag + ", not " + actual.assetTag;
    if (approved.method != actual.method)
        return "it approves method " + approved.method + ", not " + actual.method;
    if (approved.destination != actual.destination)
        return "it approves destination " + approved.destination + ", not " + actual.destination;
    if (!approved.device.sameMedium(actual.device))
        return "it approves the medium " + approved.device.describe() + ", not " +
               actual.device.describe();
    return "";
}

}  // namespace

std::string_view toString(RequestKind kind) {
    return kind == RequestKind::Carryout ? "carryout" : "erase";
}

std::string_view toString(RequestState state) {
    switch (state) {
        case RequestState::Pending:
            return "pending";
        case RequestState::Approved:
            return "approved";
        case RequestState::Rejected:
            return "rejected";
        case RequestState::Claimed:
            return "claimed";
        case RequestState::Used:
            return "used";
    }
    return "pending";
}

bool Request::approvalExpired(TimePoint now) const {
    return (state == RequestState::Approved || state == RequestState::Claimed) && approvalExpires &&
           formatRfc3339(now) >= *approvalExpires;
}

std::string Request::displayState(TimePoint now) const {
    return approvalExpired(now) ? "expired" : std::string(toString(state));
}

Requests::Requests(Database& db, Register& log, Users& users, Clock clock,
                   std::chrono::days approvalValidity)
    : db_(db),
      register_(log),
      users_(users),
      clock_(std::move(clock)),
      validity_(approvalValidity) {}

Request Requests::create(const RequestDetails& details, const std::string& requester) {
    validate(details);
    User user = users_.get(requester);
    if (user.disabled || !user.hasRole(Role::Operator))
        throw RefusedError("'" + requester +
                           "' is not an enabled operator: only operators make requests");
    const TimePoint now = clock_();
    Transaction tx(db_);
    Statement next(db_, "SELECT coalesce(max(seq), 0) + 1 FROM requests");
    next.step();
    char id[32];
    std::snprintf(id, sizeof id, "REQ-%06lld", static_cast<long long>(next.integer(0)));

    EntryBuilder entry(EntryKind::RequestCreated, fixedClock(now));
    entry.set("request", id).set("request_kind", toString(details.kind));
    entry.set("requester", requester).set("purpose", details.purpose);
    entry.set("class", int64_t{details.infoClass}).set("asset", details.assetTag);
    entry.set("method", details.method).set("destination", details.destination);
    entry.set("note", details.note).set("device_path", details.device.path);
    entry.set("device_model", details.device.model).set("device_serial", details.device.serial);
    entry.set("device_size", static_cast<int64_t>(details.device.sizeBytes));
    const uint64_t index = register_.append(entry.finish());

    Statement insert(db_,
                     "INSERT INTO requests(id, kind, state, requester, created, purpose, class, "
                     "asset, method, destination, note, device_path, device_model, device_serial, "
                     "device_size, request_entry) VALUES(?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?)");
    insert.bind(1, std::string_view(id)).bind(2, toString(details.kind)).bind(3, requester);
    insert.bind(4, formatRfc3339(now)).bind(5, details.purpose);
    insert.bind(6, int64_t{details.infoClass}).bind(7, details.assetTag).bind(8, details.method);
    insert.bind(9, details.destination).bind(10, details.note).bind(11, details.device.path);
    insert.bind(12, details.device.model).bind(13, details.device.serial);
    insert.bind(14, static_cast<int64_t>(details.device.sizeBytes));
    insert.bind(15, static_cast<int64_t>(index)).run();
    tx.commit();
    return get(id);
}

void Requests::refuseApproval(const Request& request, const std::string& by, const char* reason,
                              const std::string& message, base::Reason why) {
    // Its own transaction: the refusal stays in the register although the caller gets an error.
    Transaction tx(db_);
    EntryBuilder entry(EntryKind::ApprovalRefused, clock_);
    entry.set("request", request.id).set("by", by).set("reason", reason);
    register_.append(entry.finish());
    tx.commit();
    throw base::withReason(RefusedError(message), std::move(why.key), std::move(why.args));
}

void Requests::requireState(const Request& request, RequestState state, const char* verb) const {
    if (request.state == state) return;
    const std::string now(toString(request.state)), wanted(toString(state));
    throw base::withReason(RequestError("cannot " + std::string(verb) + " " + request.id +
                                        ": it is " + now + ", not " + wanted),
                           "request.not-pending", {verb, request.id, now, wanted});
}

User Requests::decider(const Request& request, const std::string& by, const char* verb) {
    std::optional<User> user = users_.find(by);
    if (!user || user->disabled || !user->hasRole(Role::DataManager))
        refuseApproval(request, by, "not-data-manager",
                       "'" + by +
                           "' does not hold the data-manager role: only a data manager may " +
                           verb + " a request (Art. 8(4), 8(7))",
                       {"approval.not-data-manager", {by}});
    if (user->id == request.requester)
        refuseApproval(request, by, "self-approval",
                       "'" + by + "' made request " + request.id + " and may not " + verb +
                           " it: another data manager must (separation of duties, Art. 7-3)",
                       {"approval.self", {by, request.id, verb}});
    return *user;
}

Request Requests::approve(const std::string& id, const std::string& approver) {
    Request request = get(id);
    requireState(request, RequestState::Pending, "approve");
    decider(request, approver, "approve");
    const TimePoint now = clock_();
    const std::string expires = formatRfc3339(now + validity_);
    Transaction tx(db_);
    EntryBuilder entry(EntryKind::RequestApproved, fixedClock(now));
    entry.set("request", id).set("request_entry", static_cast<int64_t>(request.requestEntry));
    entry.set("requester", request.requester).set("by", approver).set("expires", expires);
    const uint64_t index = register_.append(entry.finish());
    Statement update(db_,
                     "UPDATE requests SET state = 'approved', decided_by = ?, decided = ?, "
                     "approval_expires = ?, decision_entry = ? WHERE id = ? AND state = 'pending'");
    update.bind(1, approver).bind(2, formatRfc3339(now)).bind(3, expires);
    update.bind(4, static_cast<int64_t>(index)).bind(5, id).run();
    if (sqlite3_changes(db_.handle()) != 1)
        throw RequestError("request " + id + " changed meanwhile: look at it again");
    tx.commit();
    return get(id);
}

Request Requests::reject(const std::string& id, const std::string& approver,
                         const std::string& reason) {
    checkText(reason, "--reason", TextKind::Reason, true);
    Request request = get(id);
    requireState(request, RequestState::Pending, "reject");
    decider(request, approver, "reject");
    const TimePoint now = clock_();
    Transaction tx(db_);
    EntryBuilder entry(EntryKind::RequestRejected, fixedClock(now));
    entry.set("request", id).set("request_entry", static_cast<int64_t>(request.requestEntry));
    entry.set("requester", request.requester).set("by", approver).set("reason", reason);
    const uint64_t index = register_.append(entry.finish());
    Statement update(db_,
                     "UPDATE requests SET state = 'rejected', decided_by = ?, decided = ?, "
                     "reason = ?, decision_entry = ? WHERE id = ? AND state = 'pending'");
    update.bind(1, approver).bind(2, formatRfc3339(now)).bind(3, reason);
    update.bind(4, static_cast<int64_t>(index)).bind(5, id).run();
    if (sqlite3_changes(db_.handle()) != 1)
        throw RequestError("request " + id + " changed meanwhile: look at it again");
    tx.commit();
    return get(id);
}

RequestClaim Requests::claim(const std::string& id, const RequestDetails& actual,
                             const std::string& by) {
    const TimePoint now = clock_();
    // One transaction from the checks to the state change: two runs racing for one approval
    // cannot both pass (BEGIN IMMEDIATE serialises writers).
    Transaction tx(db_);
    std::optional<Request> found = find(id);
    if (!found)
        throw base::withReason(
            RefusedError("no request " + id.substr(0, 40) + ": check the ID (massho request list)"),
            "request.unknown", {id.substr(0, 40)});
    const Request& request = *found;
    // Each refusal with its reason key (the first argument always the request's ID), for a
    // front-end to say it in its own language.
    const auto refuse = [&id](const std::string& why, std::string key,
                              std::vector<std::string> more = {}) {
        more.insert(more.begin(), id);
        return base::withReason(RefusedError("request " + id + " cannot be used: " + why),
                                std::move(key), std::move(more));
    };
    switch (request.state) {
        case RequestState::Pending:
            throw refuse("no data manager has approved it yet (massho approve)",
                         "request.unapproved");
        case RequestState::Rejected: {
            const std::string decider = request.decidedBy.value_or("?");
            throw refuse("it was rejected by " + decider + ": make a new request",
                         "request.rejected", {decider});
        }
        case RequestState::Claimed:
            throw refuse("another run is using it right now", "request.in-use");
        case RequestState::Used: {
            const std::string entry = std::to_string(request.usedEntry.value_or(0));
            throw refuse("it was used already (register entry " + entry +
                             "): an approval is good for one run; make a new request",
                         "request.used", {entry});
        }
        case RequestState::Approved:
            break;
    }
    if (request.approvalExpired(now))
        throw refuse("its approval expired at " + *request.approvalExpires + ": make a new request",
                     "request.expired", {*request.approvalExpires});
    if (std::string why = mismatch(request.details, actual); !why.empty())
        throw refuse(why, "request.mismatch");
    Statement update(db_,
                     "UPDATE requests SET state = 'claimed', claimed_by = ? WHERE id = ? AND "
                     "state = 'approved'");
    update.bind(1, by).bind(2, id).run();
    tx.commit();
    Request claimed = request;
    claimed.state = RequestState::Claimed;
    return RequestClaim(*this, std::move(claimed));
}

void Requests::finishClaim(const Request& request, std::optional<uint64_t> resultEntry, bool used,
                           const std::string& reason) {
    Transaction tx(db_);
    if (resultEntry && !used) {
        EntryBuilder entry(EntryKind::RequestReleased, clock_);
        entry.set("request", request.id).set("result_entry", static_cast<int64_t>(*resultEntry));
        entry.set("reason", reason);
        register_.append(entry.finish());
    }
    Statement update(db_,
                     used ? "UPDATE requests SET state = 'used', used_entry = ? WHERE id = ? AND "
                            "state = 'claimed'"
                          : "UPDATE requests SET state = 'approved', claimed_by = NULL WHERE "
                            "id = ? AND state = 'claimed'");
    if (used)
        update.bind(1, static_cast<int64_t>(resultEntry.value_or(0))).bind(2, request.id);
    else
        update.bind(1, request.id);
    update.run();
    tx.commit();
}

std::optional<Request> Requests::find(const std::string& id) const {
    Statement select(db_, std::string(kSelect) + " WHERE id = ?");
    if (!select.bind(1, id).step()) return std::nullopt;
    return readRequest(select);
}

Request Requests::get(const std::string& id) const {
    if (auto r = find(id)) return *r;
    throw base::withReason(
        RequestError("no request " + id.substr(0, 40) + ": check the ID (massho request list)"),
        "request.unknown", {id.substr(0, 40)});
}

std::vector<Request> Requests::list() const {
    std::vector<Request> out;
    forEach(nullptr, [&](const Request& r) { out.push_back(r); });
    return out;
}

std::vector<Request> Requests::list(const std::vector<RequestState>& states) const {
    std::vector<Request> out;
    forEach(&states, [&](const Request& r) { out.push_back(r); });
    return out;
}

void Requests::forEach(const std::vector<RequestState>* states,
                       const std::function<void(const Request&)>& visit) const {
    Statement select(db_, std::string(kSelect) + stateFilter(states) + " ORDER BY seq");
    bindStates(select, states);
    Request r;
    while (select.step()) {
        fillRequest(r, select);
        visit(r);
    }
}

void Requests::forEachListed(const std::vector<RequestState>* states,
                             const std::function<void(const RequestLine&)>& visit) const {
    if (db_.schemaVersion() < 10) {
        // A file of an older build opened read-only (never migrated): whole rows.
        forEach(states, [&](const Request& r) {
            const auto& d = r.details;
            RequestLine line{r.id,
                             r.state,
                             d.purpose,
                             d.infoClass,
                             d.assetTag,
                             r.requester,
                             r.decidedBy,
                             d.method,
                             d.device.path,
                             d.device.model,
                             d.device.serial,
                             d.device.sizeBytes,
                             r.approvalExpires};
            visit(line);
        });
        return;
    }
    // The columns of index requests_listing (schema version 10): SQLite reads the list from that
    // index alone, four columns a row; `listed` holds the other printed fields.
    Statement select(db_, std::string("SELECT id, state, approval_expires, listed FROM requests") +
                              stateFilter(states) + " ORDER BY seq");
    bindStates(select, states);
    RequestLine line;
    while (select.step()) {
        line.id = select.textView(0);
        line.state = parseState(select.textView(1));
        line.approvalExpires = optionalView(select, 2);
        if (!readListed(select.textView(3), line))
            throw StoreError("request " + std::string(line.id).substr(0, 40) +
                             " has a malformed listed column: the database was edited");
        visit(line);
    }
}

RequestClaim::RequestClaim(Requests& requests, Request request)
    : requests_(&requests), request_(std::move(request)) {}

RequestClaim::RequestClaim(RequestClaim&& other) noexcept
    : requests_(other.requests_), request_(std::move(other.request_)), open_(other.open_) {
    other.open_ = false;
}

RequestClaim::~RequestClaim() {
    if (!open_) return;
    try {
        requests_->finishClaim(request_, std::nullopt, false, "");
    } catch (...) {
        // The request stays `claimed`: unusable, which is the safe side; never throw here.
    }
}

void RequestClaim::complete(uint64_t resultEntry) {
    if (!open_) return;
    requests_->finishClaim(request_, resultEntry, true, "");
    open_ = false;
}

void RequestClaim::release(uint64_t resultEntry, const std::string& reason) {
    if (!open_) return;
    requests_->finishClaim(request_, resultEntry, false, reason);
    open_ = false;
}

}  // namespace massho::records
