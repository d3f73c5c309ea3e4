#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "massho/base/reason.h"
#include "massho/records/people/users.h"
#include "massho/records/register/clock.h"
#include "massho/records/register/database.h"
#include "massho/records/register/device_identity.h"
#include "massho/records/register/register.h"

namespace massho::records {

enum class RequestKind { Erase, Carryout };
std::string_view toString(RequestKind kind);

// What a person asks a data manager to allow (Art. 8(4) disposal, 8(7) carry-out).
struct RequestDetails {
    RequestKind kind = RequestKind::Erase;
    std::string purpose;  // erase: reuse | disposal | lease-return; carry-out: "carryout"
    int infoClass = 0;    // 1..4 (Art. 7)
    std::string assetTag;
    std::string method;       // erase: the method id
    std::string destination;  // carry-out: where the medium goes
    std::string note;         // free text for the approver
    DeviceIdentity device;
};

enum class RequestState { Pending, Approved, Rejected, Claimed, Used };
std::string_view toString(RequestState state);

struct Request {
    std::string id;  // REQ-000001
    RequestDetails details;
    RequestState state = RequestState::Pending;
    std::string requester;
    std::string created;  // RFC 3339
    uint64_t requestEntry = 0;
    std::optional<std::string> decidedBy, decided, reason, approvalExpires;
    std::optional<uint64_t> decisionEntry, usedEntry;

    // Approved (or claimed) but past its approval's expiry at `now`.
    bool approvalExpired(TimePoint now) const;
    // The state a person should see: "expired" for an expired approval, else toString(state).
    std::string displayState(TimePoint now) const;
};

// What `request list` prints of one request (request_list_text.h), viewed in place in the row
// being stepped: valid during the visit only.
struct RequestLine {
    std::string_view id;
    RequestState state = RequestState::Pending;
    std::string_view purpose;
    int infoClass = 0;
    std::string_view assetTag, requester;
    std::optional<std::string_view> decidedBy;
    std::string_view method;
    std::string_view devicePath, deviceModel, deviceSerial;
    uint64_t deviceSize = 0;
    std::optional<std::string_view> approvalExpires;
};

class Requests;

// One erasure or carry-out running on an approval (state `claimed`): never two at once, never
// two on one approval. Finish with complete() (the run succeeded: the approval is used up) or
// release() (it failed or was cancelled: recorded with a `request-released` entry, and the
// approval can be used for a retry until it expires). Destroyed while still open — the run
// never started, e.g. the device was busy — it goes back to `approved` without an entry, since
// nothing happened to the medium.
class RequestClaim {
  public:
    RequestClaim(Requests& requests, Request request);
    RequestClaim(RequestClaim&& other) noexcept;
    RequestClaim& operator=(RequestClaim&&) = delete;
    RequestClaim(const RequestClaim&) = delete;
    RequestClaim& operator=(const RequestClaim&) = delete;
    ~RequestClaim();

    const Request& request() const { return request_; }
    void complete(uint64_t resultEntry);
    void release(uint64_t resultEntry, const std::string& reason);

  private:
    Requests* requests_;
    Request request_;
    bool open_ = true;
};

// Requests and approvals, each step a register entry in the same transaction as its row.
class Requests {
  public:
    Requests(Database& db, Register& log, Users& users, Clock clock = systemClock(),
             std::chrono::days approvalValidity = std::chrono::days(7));

    // By an enabled operator; appends `request-created`. Throws RequestError for bad fields,
    // RefusedError when `requester` is not an operator.
    Request create(const RequestDetails& details, const std::string& requester);

    // By an enabled data manager who is not the requester (Art. 7-3). A refusal for role or
    // separation of duties appends `approval-refused` and throws RefusedError; a request that
    // is not pending throws RequestError. Appends `request-approved` with the expiry.
    Request approve(const std::string& id, const std::string& approver);
    Request reject(const std::string& id, const std::string& approver, const std::string& reason);

    // For `by` (an operator) about to act: the request must be approved, unexpired, unused and
    // match `actual` (kind, purpose, class, asset, method, destination, the same medium).
    // Throws RefusedError saying which check failed.
    RequestClaim claim(const std::string& id, const RequestDetails& actual, const std::string& by);

    std::optional<Request> find(const std::string& id) const;
    Request get(const std::string& id) const;  // RequestError for an unknown ID
    std::vector<Request> list() const;
    // Only those whose stored state is one of `states` (index requests_by_state), in order.
    std::vector<Request> list(const std::vector<RequestState>& states) const;
    // The same rows (all, or those of `states`) one visit each, in order, without keeping them:
    // the Request visited is reused for the next row.
    void forEach(const std::vector<RequestState>* states,
                 const std::function<void(const Request&)>& visit) const;
    // What `request list` prints of the same rows in the same order, one visit each: every
    // request from index requests_listing (schema version 10: the printed columns only), those
    // of `states` through requests_by_state. Nothing is copied or kept.
    void forEachListed(const std::vector<RequestState>* states,
                       const std::function<void(const RequestLine&)>& visit) const;

    std::chrono::days approvalValidity() const { return validity_; }
    Register& signedRegister() { return register_; }
    const Clock& clock() const { return clock_; }

  private:
    friend class RequestClaim;
    void finishClaim(const Request& request, std::optional<uint64_t> resultEntry, bool used,
                     const std::string& reason);
    // Appends `approval-refused` (the recorded reason) and throws RefusedError with `message`
    // and the reason key a front-end translates.
    [[noreturn]] void refuseApproval(const Request& request, const std::string& by,
                                     const char* reason, const std::string& message,
                                     base::Reason why);
    User decider(const Request& request, const std::string& by, const char* verb);
    void requireState(const Request& request, RequestState state, const char* verb) const;

    Database& db_;
    Register& register_;
    Users& users_;
    Clock clock_;
    std::chrono::days validity_;
};

}  // namespace massho::records
