#include "daily_mix.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "massho/records/ledger/media_ledger.h"
#include "massho/records/people/store.h"
#include "massho/records/register/canonical_json.h"
#include "massho/records/register/entry_kind.h"

namespace massho::records::bench {
namespace {

using Seconds = std::chrono::duration<double>;

std::string tagOf(uint64_t medium) {
    return "PC-" + std::to_string(100000 + medium);
}

std::string serialOf(uint64_t medium) {
    return "WD-WCC" + std::to_string(4000000 + medium * 7);
}

// Two media in three end in an approved disposal erasure and `media dispose`; the third holds
// My Number data (class 1) and is destroyed with a witness after its erasure.
bool holdsMyNumber(uint64_t medium) {
    return medium % 3 == 2;
}

// The simulated clock: every read moves it on, so each entry has its own time.
class MixClock {
  public:
    Clock clock() {
        auto now = now_;
        return [now] {
            *now += std::chrono::seconds(kMixSecondsPerEntry);
            return *now;
        };
    }
    TimePoint peek() const { return *now_; }

  private:
    std::shared_ptr<TimePoint> now_ =
        std::make_shared<TimePoint>(std::chrono::seconds(kMixStartUnix));
};

class DailyMix {
  public:
    DailyMix(Store& store, MixClock& time) : store_(store), time_(time) {}

    // One slot of a day: a new medium is registered and put in use, and the medium registered
    // kMixOpenMedia slots earlier reaches the end of its life.
    void slot(uint64_t medium) {
        registerMedium(medium);
        append(EntryBuilder(EntryKind::MediumMoved, time_.clock())
                   .set("asset", tagOf(medium))
                   .set("from", "registered")
                   .set("to", "in-use")
                   .set("location", "庁舎3F 情報政策課")
                   .set("write_protected", int64_t{0})
                   .set("by", kMixOperator)
                   .finish());
        if (medium >= kMixOpenMedia) endOfLife(medium - kMixOpenMedia);
    }

  private:
    uint64_t append(const std::string& entry) { return store_.signedRegister().append(entry); }

    RequestDetails request(uint64_t medium) const {
        RequestDetails d;
        d.kind = RequestKind::Erase;
        d.purpose = "disposal";
        d.infoClass = holdsMyNumber(medium) ? 1 : 2;
        d.assetTag = tagOf(medium);
        d.method = "dod-3";
        d.device = {"/dev/sdb", "WDC WD5000AAKX", serialOf(medium), 500107862016};
        return d;
    }

    void registerMedium(uint64_t medium) {
        mediumEntry_[medium % kMixOpenMedia] =
            append(EntryBuilder(EntryKind::MediumRegistered, time_.clock())
                       .set("asset", tagOf(medium))
                       .set("class", int64_t{holdsMyNumber(medium) ? 1 : 2})
                       .set("my_number", int64_t{holdsMyNumber(medium) ? 1 : 0})
                       .set("media_type", "hdd")
                       .set("manufacturer", "Western Digital")
                       .set("model", "WDC WD5000AAKX")
                       .set("serial", serialOf(medium))
                       .set("section", "税務課")
                       .set("location", "金庫B")
                       .set("size_bytes", int64_t{500107862016})
                       .set("source", "manual")
                       .set("by", kMixOperator)
                       .finish());
    }

    void endOfLife(uint64_t medium) {
        Requests& requests = store_.requests();
        const RequestDetails details = request(medium);
        const Request created = requests.create(details, kMixOperator);
        const Request approved = requests.approve(created.id, kMixDataManager);
        RequestClaim claim = requests.claim(created.id, details, kMixOperator);
        const uint64_t started = append(EntryBuilder(EntryKind::ErasureStarted, time_.clock())
                                            .set("asset", tagOf(medium))
                                            .set("device_path", "/dev/sdb")
                                            .set("device_serial", serialOf(medium))
                                            .set("method", "dod-3")
                                            .set("verify_mode", "full")
                                            .set("operator", kMixOperator)
                                            .finish());
        const uint64_t erasure = append(erasureEntry(medium, approved, started));
        claim.complete(erasure);
        append(certificateEntry(erasure));
        if (holdsMyNumber(medium))
            append(destroyedEntry(medium, erasure));
        else
            append(EntryBuilder(EntryKind::MediumDisposed, time_.clock())
                       .set("asset", tagOf(medium))
                       .set("from", "erased")
                       .set("by", kMixDataManager)
                       .set("erasure_entry", static_cast<int64_t>(erasure))
                       .finish());
    }

    // The fields an erasure by the engine records (appliance/operations/erasure_entry.cpp).
    std::string erasureEntry(uint64_t medium, const Request& approved, uint64_t started) {
        const std::string began = formatRfc3339(time_.peek());
        EntryBuilder e(EntryKind::Erasure, time_.clock());
        e.set("result", "erased").set("operator", kMixOperator).set("purpose", "disposal");
        e.set("class", int64_t{holdsMyNumber(medium) ? 1 : 2}).set("asset", tagOf(medium));
        e.set("request", approved.id).set("requester", kMixOperator);
        e.set("approver", kMixDataManager);
        e.set("approval_entry", static_cast<int64_t>(approved.decisionEntry.value_or(0)));
        e.set("device_path", "/dev/sdb").set("device_model", "WDC WD5000AAKX");
        e.set("device_serial", serialOf(medium)).set("device_transport", "sata");
        e.set("device_media_type", "hdd").set("device_size", int64_t{500107862016});
        e.set("device_sector", int64_t{512}).set("method", "dod-3");
        e.set("method_name", "DoD 5220.22-M (3 passes)").set("software", "massho bench");
        e.set("passes", "zero, one, random").set("pass_count", int64_t{3});
        e.set("bytes_written", int64_t{1500323586048}).set("error_ranges", "");
        e.set("verify_mode", "full").set("verify_result", "match");
        e.set("verify_bytes", int64_t{500107862016}).set("nist_level", "clear");
        e.set("started", began).set("ended", formatRfc3339(time_.peek()));
        e.set("started_entry", static_cast<int64_t>(started));
        e.set("medium_entry", static_cast<int64_t>(mediumEntry_[medium % kMixOpenMedia]));
        return e.finish();
    }

    std::string certificateEntry(uint64_t erasure) {
        const std::string number = std::to_string(erasure) + "-1";
        return EntryBuilder(EntryKind::CertificateIssued, time_.clock())
            .set("entry", static_cast<int64_t>(erasure))
            .set("certificate", number)
            .set("issue", int64_t{1})
            .set("reissue", int64_t{0})
            .set("pdf_sha256", std::string(64, 'a'))
            .set("file", number + ".pdf")
            .set("checkpoint_size", static_cast<int64_t>(erasure + 1))
            .set("by", kMixOfficer)
            .finish();
    }

    std::string destroyedEntry(uint64_t medium, uint64_t erasure) {
        return EntryBuilder(EntryKind::MediumDestroyed, time_.clock())
            .set("asset", tagOf(medium))
            .set("from", "erased")
            .set("method", "shred")
            .set("by", kMixOperator)
            .set("witness", kMixDataManager)
            .set("performed_on", formatDate(time_.peek()))
            .set("class", int64_t{1})
            .set("my_number", int64_t{1})
            .set("serial", serialOf(medium))
            .set("erasure_entry", static_cast<int64_t>(erasure))
            .finish();
    }

    Store& store_;
    MixClock& time_;
    uint64_t mediumEntry_[kMixOpenMedia] = {};
};

void addPeople(Store& store) {
    const std::pair<const char*, Role> people[] = {{kMixOperator, Role::Operator},
                                                   {kMixDataManager, Role::DataManager},
                                                   {kMixOfficer, Role::RecordsOfficer}};
    for (const auto& [id, role] : people)
        store.users().add(NewUser{id, "", {role}, std::nullopt}, kMixPassword, kMixAdmin);
}

}  // namespace

void buildDailyMix(const std::filesystem::path& dir, uint64_t size) {
    MixClock time;
    Store store =
        Store::create(dir, "bench.example/massho", kMixAdmin, "", kMixPassword, time.clock());
    addPeople(store);
    DailyMix mix(store, time);
    const auto start = std::chrono::steady_clock::now();
    uint64_t medium = 0;
    while (store.signedRegister().size() < size) {
        Transaction tx(store.database());  // about 10,000 entries per transaction
        for (int k = 0; k < 1250 && store.signedRegister().size() < size; ++k) mix.slot(medium++);
        tx.commit();
        if (medium % 25000 == 0)
            std::printf("  %llu entries, %llu media\n",
                        static_cast<unsigned long long>(store.signedRegister().size()),
                        static_cast<unsigned long long>(medium));
    }
    const double s = Seconds(std::chrono::steady_clock::now() - start).count();
    const uint64_t n = store.signedRegister().size();
    std::printf("built a daily mix of %llu entries (%llu media, last at %s) in %.1f s = %.0f/s\n",
                static_cast<unsigned long long>(n), static_cast<unsigned long long>(medium),
                formatRfc3339(time.peek()).c_str(), s, static_cast<double>(n) / s);
    const auto foldStart = std::chrono::steady_clock::now();
    MediaLedger ledger(store.database(), store.signedRegister());  // the first fold, once
    std::printf("folded the media ledger from scratch in %.1f s\n",
                Seconds(std::chrono::steady_clock::now() - foldStart).count());
    store.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace massho::records::bench
