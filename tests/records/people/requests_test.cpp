// Requests and approvals (Art. 7-3, 8(4), 8(7)) with a clock the test moves.
#include <gtest/gtest.h>

#include "massho/base/reason.h"
#include "massho/records/register/policy_errors.h"
#include "people_fixture.h"

using namespace std::chrono_literals;

namespace massho::records::test {
namespace {

class RequestsTest : public PeopleTest {
  protected:
    static RequestDetails disposal() {
        RequestDetails d;
        d.kind = RequestKind::Erase;
        d.purpose = "disposal";
        d.infoClass = 1;
        d.assetTag = "A-0042";
        d.method = "dod-3";
        d.device = {"/dev/sdb", "ACME Disk", "SN-123", 1000204886016};
        return d;
    }
    std::string refusal(const std::function<void()>& action) {
        try {
            action();
        } catch (const RefusedError& e) {
            return e.what();
        }
        ADD_FAILURE() << "not refused";
        return "";
    }
};

TEST_F(RequestsTest, RequestApproveUseLinksEntriesById) {
    Request r = requests.create(disposal(), "op");
    EXPECT_EQ(r.id, "REQ-000001");
    EXPECT_EQ(r.state, RequestState::Pending);
    EntryFields created = parseEntry(log.entry(r.requestEntry));
    EXPECT_EQ(entryString(created, "kind"), "request-created");
    EXPECT_EQ(entryString(created, "request"), r.id);
    EXPECT_EQ(entryString(created, "device_serial"), "SN-123");
    EXPECT_EQ(entryString(created, "requester"), "op");

    now += 1h;
    Request a = requests.approve(r.id, "dm");
    EXPECT_EQ(a.state, RequestState::Approved);
    EXPECT_EQ(a.approvalExpires, "2025-12-02T19:20:00Z") << "7 days after the approval";
    EntryFields approved = parseEntry(log.entry(*a.decisionEntry));
    EXPECT_EQ(entryString(approved, "kind"), "request-approved");
    EXPECT_EQ(entryString(approved, "request"), r.id);
    EXPECT_EQ(entryInteger(approved, "request_entry"), static_cast<int64_t>(r.requestEntry));
    EXPECT_EQ(entryString(approved, "by"), "dm");

    RequestClaim claim = requests.claim(r.id, disposal(), "op2");
    EXPECT_EQ(requests.get(r.id).state, RequestState::Claimed);
    claim.complete(99);
    EXPECT_EQ(requests.get(r.id).state, RequestState::Used);
    EXPECT_EQ(requests.get(r.id).usedEntry, 99u);
}

TEST_F(RequestsTest, SelfApprovalIsRefusedAndRecorded) {
    Request r = requests.create(disposal(), "both");
    std::string why = refusal([&] { requests.approve(r.id, "both"); });
    EXPECT_NE(why.find("separation of duties"), std::string::npos) << why;
    EXPECT_EQ(lastKind(), "approval-refused");
    EXPECT_EQ(entryString(lastEntry(), "reason"), "self-approval");
    EXPECT_EQ(entryString(lastEntry(), "by"), "both");
    EXPECT_EQ(requests.get(r.id).state, RequestState::Pending);
    refusal([&] { requests.reject(r.id, "both", "no"); });
    EXPECT_EQ(entryString(lastEntry(), "reason"), "self-approval");
    // Another data manager may.
    EXPECT_EQ(requests.approve(r.id, "dm").state, RequestState::Approved);
}

TEST_F(RequestsTest, OnlyAnEnabledDataManagerDecides) {
    Request r = requests.create(disposal(), "op");
    for (const char* who : {"admin", "op2", "nobody"}) {
        refusal([&] { requests.approve(r.id, who); });
        EXPECT_EQ(entryString(lastEntry(), "reason"), "not-data-manager");
    }
    users.disable("dm", "admin");
    refusal([&] { requests.approve(r.id, "dm"); });
    EXPECT_EQ(requests.get(r.id).state, RequestState::Pending);
}

TEST_F(RequestsTest, OnlyOperatorsRequest) {
    EXPECT_THROW(requests.create(disposal(), "dm"), RefusedError);
    EXPECT_THROW(requests.create(disposal(), "admin"), RefusedError);
    RequestDetails bad = disposal();
    bad.infoClass = 5;
    EXPECT_THROW(requests.create(bad, "op"), RequestError);
    bad = disposal();
    bad.purpose = "resale";
    EXPECT_THROW(requests.create(bad, "op"), RequestError);
}

TEST_F(RequestsTest, ExpiredApprovalIsRefused) {
    Request r = requests.create(disposal(), "op");
    requests.approve(r.id, "dm");
    now += 7 * 24h;
    std::string why = refusal([&] { requests.claim(r.id, disposal(), "op"); });
    EXPECT_NE(why.find("expired at 2025-12-02T18:20:00Z"), std::string::npos) << why;
    EXPECT_EQ(requests.get(r.id).displayState(now), "expired");
    now -= 1s;
    EXPECT_NO_THROW(requests.claim(r.id, disposal(), "op").complete(1));
}

TEST_F(RequestsTest, AnApprovalIsUsedOnce) {
    Request r = requests.create(disposal(), "op");
    requests.approve(r.id, "dm");
    {
        RequestClaim first = requests.claim(r.id, disposal(), "op");
        std::string busy = refusal([&] { requests.claim(r.id, disposal(), "op2"); });
        EXPECT_NE(busy.find("another run is using it"), std::string::npos);
        first.complete(10);
    }
    std::string why = refusal([&] { requests.claim(r.id, disposal(), "op"); });
    EXPECT_NE(why.find("used already (register entry 10)"), std::string::npos) << why;
}

TEST_F(RequestsTest, AFailedRunReleasesTheApprovalForARetryAndIsRecorded) {
    Request r = requests.create(disposal(), "op");
    requests.approve(r.id, "dm");
    requests.claim(r.id, disposal(), "op").release(17, "failed");
    EXPECT_EQ(lastKind(), "request-released");
    EXPECT_EQ(entryInteger(lastEntry(), "result_entry"), 17);
    EXPECT_EQ(requests.get(r.id).state, RequestState::Approved);
    // A run that never started (claim dropped) leaves no entry and no trace.
    const uint64_t before = log.size();
    { RequestClaim dropped = requests.claim(r.id, disposal(), "op"); }
    EXPECT_EQ(log.size(), before);
    requests.claim(r.id, disposal(), "op").complete(18);
    EXPECT_EQ(requests.get(r.id).state, RequestState::Used);
}

TEST_F(RequestsTest, ClaimMustMatchWhatWasApproved) {
    Request r = requests.create(disposal(), "op");
    refusal([&] { requests.claim(r.id, disposal(), "op"); });  // not approved yet
    requests.approve(r.id, "dm");
    auto refusedFor = [&](auto change) {
        RequestDetails d = disposal();
        change(d);
        return refusal([&] { requests.claim(r.id, d, "op"); });
    };
    EXPECT_NE(
        refusedFor([](RequestDetails& d) { d.device.serial = "OTHER"; }).find("serial SN-123"),
        std::string::npos);
    EXPECT_NE(refusedFor([](RequestDetails& d) { d.purpose = "reuse"; }).find("purpose"),
              std::string::npos);
    EXPECT_NE(refusedFor([](RequestDetails& d) { d.infoClass = 3; }).find("class"),
              std::string::npos);
    EXPECT_NE(refusedFor([](RequestDetails& d) { d.assetTag = "A-1"; }).find("asset"),
              std::string::npos);
    EXPECT_NE(refusedFor([](RequestDetails& d) { d.method = "zero"; }).find("method"),
              std::string::npos);
    // Same serial on another path (re-plugged) is the same medium.
    RequestDetails moved = disposal();
    moved.device.path = "/dev/sdc";
    EXPECT_NO_THROW(requests.claim(r.id, moved, "op").complete(1));
}

// Each refusal to use an approval names its reason key and the request (a kiosk says it in
// Japanese from the key; appliance/service/refusal_reason.cpp).
TEST_F(RequestsTest, EachRefusedClaimNamesItsReasonKey) {
    const auto reasonFor = [&](const std::function<void()>& action) -> base::Reason {
        try {
            action();
        } catch (const RefusedError& e) {
            if (const base::Reason* reason = base::reasonOf(e)) return *reason;
            ADD_FAILURE() << "refused without a key: " << e.what();
            return {};
        }
        ADD_FAILURE() << "not refused";
        return {};
    };
    Request r = requests.create(disposal(), "op");
    const auto claim = [&] { requests.claim(r.id, disposal(), "op"); };
    EXPECT_EQ(reasonFor(claim).key, "request.unapproved");
    EXPECT_EQ(reasonFor(claim).args, std::vector<std::string>{r.id});
    requests.approve(r.id, "dm");
    RequestDetails other = disposal();
    other.assetTag = "A-1";
    EXPECT_EQ(reasonFor([&] { requests.claim(r.id, other, "op"); }).key, "request.mismatch");
    {
        RequestClaim first = requests.claim(r.id, disposal(), "op");
        EXPECT_EQ(reasonFor(claim).key, "request.in-use");
        first.complete(10);
    }
    const base::Reason used = reasonFor(claim);
    EXPECT_EQ(used.key, "request.used");
    EXPECT_EQ(used.args, (std::vector<std::string>{r.id, "10"}));

    Request late = requests.create(disposal(), "op");
    requests.approve(late.id, "dm");
    now += 7 * 24h;
    const base::Reason expired = reasonFor([&] { requests.claim(late.id, disposal(), "op"); });
    EXPECT_EQ(expired.key, "request.expired");
    EXPECT_EQ(expired.args, (std::vector<std::string>{late.id, "2025-12-02T18:20:00Z"}));

    Request refused = requests.create(disposal(), "op");
    requests.reject(refused.id, "dm", "keep the drive");
    const base::Reason rejected = reasonFor([&] { requests.claim(refused.id, disposal(), "op"); });
    EXPECT_EQ(rejected.key, "request.rejected");
    EXPECT_EQ(rejected.args, (std::vector<std::string>{refused.id, "dm"}));
}

TEST_F(RequestsTest, RejectedRequestCannotBeUsed) {
    Request r = requests.create(disposal(), "op");
    Request rejected = requests.reject(r.id, "dm", "keep the drive");
    EXPECT_EQ(rejected.state, RequestState::Rejected);
    EXPECT_EQ(entryString(lastEntry(), "reason"), "keep the drive");
    EXPECT_THROW(requests.approve(r.id, "dm"), RequestError);
    EXPECT_THROW(requests.claim(r.id, disposal(), "op"), RefusedError);
    EXPECT_THROW(requests.get("REQ-999999"), RequestError);
}

TEST_F(RequestsTest, CarryoutRequestHasDestination) {
    RequestDetails c;
    c.kind = RequestKind::Carryout;
    c.purpose = "carryout";
    c.infoClass = 2;
    c.assetTag = "USB-7";
    c.destination = "Kita ward office";
    c.device = {"/dev/sdd", "USB stick", "U-1", 8000000000};
    Request r = requests.create(c, "op");
    EXPECT_EQ(entryString(parseEntry(log.entry(r.requestEntry)), "destination"),
              "Kita ward office");
    c.destination.clear();
    EXPECT_THROW(requests.create(c, "op"), RequestError);
}

}  // namespace
}  // namespace massho::records::test
