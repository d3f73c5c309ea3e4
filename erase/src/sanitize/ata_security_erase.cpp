#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "drive_steps.h"
#include "estimate_clock.h"
#include "massho/erase/sanitize/ata_identify.h"

namespace massho::erase::sanitize {
namespace {

using K = SanitizeError::Kind;
constexpr std::size_t kPasswordChars = 32;

// A one-time password of 32 printable characters (hex of 16 random bytes), so that an operator
// could type it into another tool should the cleanup ever fail. Wiped on destruction.
class OneTimePassword {
  public:
    explicit OneTimePassword(const DriveSanitizeOptions& o) {
        std::array<uint8_t, kPasswordChars / 2> raw{};
        if (o.randomBytes) {
            o.randomBytes(raw);
        } else if (RAND_bytes(raw.data(), static_cast<int>(raw.size())) != 1) {
            throw SanitizeError(K::Io, "the random number generator failed (RAND_bytes)");
        }
        static const char* const digits = "0123456789abcdef";
        for (std::size_t i = 0; i < raw.size(); ++i) {
            bytes_[2 * i] = static_cast<uint8_t>(digits[raw[i] >> 4]);
            bytes_[2 * i + 1] = static_cast<uint8_t>(digits[raw[i] & 0xF]);
        }
        OPENSSL_cleanse(raw.data(), raw.size());
    }
    ~OneTimePassword() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }
    OneTimePassword(const OneTimePassword&) = delete;
    OneTimePassword& operator=(const OneTimePassword&) = delete;

    AtaPasswordBlock block(bool enhanced) const { return ataPasswordBlock(bytes_, enhanced); }
    std::string text() const { return {bytes_.begin(), bytes_.end()}; }

  private:
    std::array<uint8_t, kAtaPasswordBytes> bytes_{};
};

// The password block lives only as long as one command.
struct WipedBlock {
    AtaPasswordBlock data;
    ~WipedBlock() { OPENSSL_cleanse(data.data(), data.size()); }
};

void refuseUnlessReady(const AtaIdentity& id, bool enhanced) {
    if (!id.securitySupported)
        throw SanitizeError(K::Unsupported,
                            "the drive does not support the ATA Security feature "
                            "set: choose another method");
    if (id.securityFrozen)
        throw SanitizeError(K::Frozen,
                            "the drive's security is frozen (set by the BIOS at power-on): "
                            "hot-unplug and replug the drive, or suspend and resume the "
                            "appliance, then try again");
    if (id.securityLocked)
        throw SanitizeError(K::Locked, "the drive is locked with a password: unlock it first");
    if (id.securityEnabled)
        throw SanitizeError(K::Locked, "the drive already has a user password: disable it first");
    if (id.securityCountExpired)
        throw SanitizeError(K::Locked,
                            "the drive's password attempt counter has expired: power "
                            "cycle the drive and try again");
    if (enhanced && !id.enhancedEraseSupported)
        throw SanitizeError(K::Unsupported,
                            "the drive does not support enhanced security erase: "
                            "choose ata-secure-erase");
}

// The drive's estimate plus half of it and 30 minutes (ACS-3 §7.12.7.39/40); 12 hours if unknown.
uint32_t eraseTimeoutMs(const AtaIdentity& id, bool enhanced) {
    const auto minutes = enhanced ? id.enhancedEraseMinutes : id.normalEraseMinutes;
    const bool atLeast = enhanced ? id.enhancedEraseAtLeast : id.normalEraseAtLeast;
    const uint64_t m = (!minutes || atLeast) ? 12 * 60 : *minutes * 3 / 2 + 30;
    return static_cast<uint32_t>(std::min<uint64_t>(m * 60'000, 0xFFFF'FFFFu));
}

class SecurityErase {
  public:
    SecurityErase(SgIo& io, bool enhanced, const DriveSanitizeOptions& o)
        : ata_(io, result_), enhanced_(enhanced), options_(o) {}

    DriveSanitizeResult run() {
        auto identifyBlock = ata_.identify();
        const AtaIdentity id = parseAtaIdentify(identifyBlock);
        refuseUnlessReady(id, enhanced_);
        OneTimePassword password(options_);
        try {
            erase(id, password);
            result_.succeeded = true;
        } catch (const SanitizeError& e) {
            result_.failure = e.what();
        }
        ensurePasswordCleared(password);
        return result_;
    }

  private:
    void erase(const AtaIdentity& id, const OneTimePassword& password) {
        passwordSent_ = true;  // from here on, a failed SET PASSWORD may still have set it
        leftOnDrive("the drive may keep the one-time password " + password.text() +
                    " until then: Massho removes it (SECURITY DISABLE PASSWORD) as soon as the "
                    "drive answers; if the drive is unplugged before that, remove it with "
                    "`hdparm --user-master u --security-disable " +
                    password.text() + " DEVICE` before the drive is used again");
        WipedBlock set{password.block(false)};
        ata_.run(ataSecuritySetPassword(), "SECURITY SET PASSWORD", set.data);
        ata_.run(ataSecurityErasePrepare(), "SECURITY ERASE PREPARE");
        const std::string step =
            enhanced_ ? "SECURITY ERASE UNIT (enhanced)" : "SECURITY ERASE UNIT";
        detail::report(options_, 0, true, step);
        WipedBlock unit{password.block(enhanced_)};
        {
            detail::EstimateClock clock(options_, step, estimate(id));
            ata_.run(ataSecurityEraseUnit(), step, unit.data, eraseTimeoutMs(id, enhanced_));
        }
        detail::report(options_, 1, true, step);
    }

    // A successful ERASE UNIT clears the user password itself (ACS-3 §4.18.11); anything else
    // gets SECURITY DISABLE PASSWORD, and the final IDENTIFY shows whether security is off.
    void ensurePasswordCleared(const OneTimePassword& password) {
        if (!passwordSent_) return;
        ata_.undoing();  // sent even after the job was given up, when the drive answers again
        try {
            if (!securityEnabledNow()) {
                result_.steps.push_back("security disabled after erase: yes");
                leftOnDrive("");
                return;
            }
            WipedBlock disable{password.block(false)};
            ata_.run(ataSecurityDisablePassword(), "SECURITY DISABLE PASSWORD", disable.data);
            if (!securityEnabledNow()) {
                result_.steps.push_back("security disabled after erase: yes");
                leftOnDrive("");
                return;
            }
        } catch (const SanitizeError&) {
        }
        result_.succeeded = false;
        result_.failure = "the drive kept the one-time password " + password.text() +
                          " after the erase: disable it with `hdparm --user-master u "
                          "--security-disable " +
                          password.text() + " DEVICE` before reuse";
        result_.steps.push_back("security disabled after erase: NO");
    }

    // IDENTIFY words 89/90: the drive's own estimate (none when it reports none).
    std::chrono::seconds estimate(const AtaIdentity& id) const {
        const auto minutes = enhanced_ ? id.enhancedEraseMinutes : id.normalEraseMinutes;
        return std::chrono::minutes(minutes.value_or(0));
    }

    void leftOnDrive(const std::string& note) const {
        if (options_.onLeftOnDrive) options_.onLeftOnDrive(note);
    }

    bool securityEnabledNow() {
        auto block = ata_.identify();
        return parseAtaIdentify(block).securityEnabled;
    }

    DriveSanitizeResult result_;
    detail::AtaChannel ata_;
    bool enhanced_;
    const DriveSanitizeOptions& options_;
    bool passwordSent_ = false;
};

}  // namespace

DriveSanitizeResult ataSecurityErase(SgIo& io, bool enhanced, const DriveSanitizeOptions& options) {
    return SecurityErase(io, enhanced, options).run();
}

}  // namespace massho::erase::sanitize
