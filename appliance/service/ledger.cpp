#include "ledger.h"

#include <QDBusMessage>
#include <exception>
#include <optional>

#include "dbus_error.h"
#include "ledger_adaptor.h"
#include "massho/operations/add_medium_operation.h"
#include "massho/operations/destroy_medium_operation.h"
#include "massho/operations/medium_from_device.h"
#include "massho/operations/move_medium_operation.h"
#include "massho/records/ledger/media_ledger.h"
#include "service.h"
#include "session.h"

namespace massho::service {

namespace {

// Bounds on what a caller may send (as session.cpp's): tags and names are short, reasons longer.
constexpr int kMaxShortText = 256;
constexpr int kMaxPath = 4096;
constexpr int kMaxNote = 2048;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

std::string text(const QString& value, const char* argument, int maxBytes) {
    requireBounded(value, argument, maxBytes);
    return value.toStdString();
}

// The options a method takes, each with its D-Bus type; anything else is a mistake worth saying.
class Options {
  public:
    Options(const QVariantMap& given, const char* method) : given_(given), method_(method) {}

    std::optional<std::string> text(const char* key, int maxBytes) {
        const QVariant* value = take(key, QMetaType::QString);
        if (!value) return std::nullopt;
        return service::text(value->toString(), key, maxBytes);
    }
    bool flag(const char* key) {
        const QVariant* value = take(key, QMetaType::Bool);
        return value && value->toBool();
    }
    // Throws unless every option given was one this method takes.
    void requireAllKnown() const {
        for (auto it = given_.begin(); it != given_.end(); ++it)
            if (!known_.contains(it.key()))
                throw ServiceError(dbus_error::kInvalidArgument,
                                   QStringLiteral("unknown option '%1' (or wrong type) for %2")
                                       .arg(it.key().left(64), QLatin1String(method_)));
    }

  private:
    const QVariant* take(const char* key, QMetaType::Type type) {
        auto found = given_.constFind(QLatin1String(key));
        if (found == given_.constEnd() || found->typeId() != type) return nullptr;
        known_ << found.key();
        return &*found;
    }

    const QVariantMap& given_;
    const char* method_;
    QStringList known_;
};

QVariantMap describe(const records::Medium& m) {
    return {
        {"tag", qs(m.tag)},
        {"info_class", m.infoClass},
        {"my_number", m.myNumber},
        {"media_type", qs(m.mediaType)},
        {"manufacturer", qs(m.manufacturer)},
        {"model", qs(m.model)},
        {"serial", qs(m.serial)},
        {"size", static_cast<qlonglong>(m.sizeBytes)},
        {"section", qs(m.section)},
        {"data_manager", qs(m.dataManager)},
        {"location", qs(m.location)},
        {"state", qs(std::string(records::toString(m.state)))},
        {"write_protected", m.writeProtected},
        {"locked_by", qs(m.lockedBy)},
        {"registered", qs(m.registered)},
        {"registered_entry", static_cast<qlonglong>(m.registeredEntry)},
        {"last_entry", static_cast<qlonglong>(m.lastEntry)},
    };
}

QVariantMap describe(const records::MediumEvent& e) {
    return {
        {"index", static_cast<qlonglong>(e.index)},
        {"kind", qs(e.kind)},
        {"time", qs(e.time)},
        {"state", qs(std::string(records::toString(e.state)))},
        {"by", qs(e.by)},
        {"summary", qs(e.summary)},
    };
}

// A ledger act: checked, then run; the register entry that records it.
qlonglong runOperation(operations::Operation&& operation) {
    operation.check();
    operations::ProgressSink progress;
    const operations::Outcome outcome = operation.run(progress, operations::CancelToken());
    return static_cast<qlonglong>(outcome.registerIndex.value_or(0));
}

}  // namespace

Ledger::Ledger(Service& service, Session& session)
    : service_(service), session_(session), adaptor_(std::make_unique<LedgerAdaptor>(this)) {}

Ledger::~Ledger() = default;

QString Ledger::path() const {
    return session_.path() + QStringLiteral("/ledger");
}

QString Ledger::caller() const {
    return calledFromDBus() ? message().service() : session_.owner();
}

template <typename Act>
auto Ledger::serve(Act&& act) -> decltype(act()) {
    try {
        session_.admit(caller());
        return act();
    } catch (...) {
        replyWithError(*this, std::current_exception());
        return decltype(act())();
    }
}

QVariantMap Ledger::FindMedium(const QString& device) {
    return serve([&] {
        requireBounded(device, "device", kMaxPath);
        const appliance::BlockDevice& listed = service_.devices().listed(device);
        const records::DeviceIdentity identity{listed.path, listed.model, listed.serial,
                                               listed.sizeBytes};
        records::Store& store = service_.store();
        const records::MediaLedger ledger(store.database(), store.signedRegister(), store.clock());
        const std::optional<records::Medium> row = ledger.findOpenByDevice(identity);
        return row ? describe(*row) : QVariantMap();
    });
}

QVariantMap Ledger::GetMedium(const QString& tag, QVariantMapList& history) {
    return serve([&] {
        const std::string wanted = text(tag, "tag", kMaxShortText);
        records::Store& store = service_.store();
        const records::MediaLedger ledger(store.database(), store.signedRegister(), store.clock());
        const std::optional<records::Medium> row = ledger.find(wanted);
        if (!row)
            throw ServiceError(dbus_error::kNotFound,
                               QStringLiteral("no medium '%1' in the media ledger: check the "
                                              "asset tag on its label")
                                   .arg(tag.left(40)));
        history.clear();
        for (const records::MediumEvent& event : ledger.history(wanted))
            history.append(describe(event));
        return describe(*row);
    });
}

qlonglong Ledger::AddMedium(const QString& device, const QString& tag, int infoClass,
                            const QVariantMap& options) {
    return serve([&] {
        Options given(options, "AddMedium");
        records::NewMedium medium;
        medium.tag = text(tag, "tag", kMaxShortText);
        medium.infoClass = infoClass;
        medium.section = given.text("section", kMaxNote).value_or("");
        medium.location = given.text("location", kMaxNote).value_or("");
        medium.notes = given.text("notes", kMaxNote).value_or("");
        medium.myNumber = given.flag("my_number");
        std::optional<std::string> dataManager = given.text("data_manager", kMaxShortText);
        given.requireAllKnown();
        requireBounded(device, "device", kMaxPath);
        service_.requireDeviceFree(device);
        // Read from the device, never typed: what erasures and carry-outs will match it by.
        operations::fillFromDevice(medium, service_.devices().listed(device).path);
        return runOperation(operations::AddMediumOperation(
            service_.store(), session_.user(), {std::move(medium), std::move(dataManager)}));
    });
}

qlonglong Ledger::MoveMedium(const QString& tag, const QString& to, const QVariantMap& options) {
    return serve([&] {
        Options given(options, "MoveMedium");
        records::MoveDetails details;
        if (!to.isEmpty()) {
            details.to = records::parseMediaState(text(to, "to", kMaxShortText));
            if (!details.to)
                throw ServiceError(dbus_error::kInvalidArgument,
                                   QStringLiteral("to must be in-use or stored"));
        }
        details.location = given.text("location", kMaxNote);
        details.writeProtected = given.flag("write_protected");
        details.lockedBy = given.text("locked_by", kMaxShortText).value_or("");
        details.reason = given.text("reason", kMaxNote).value_or("");
        given.requireAllKnown();
        return runOperation(operations::MoveMediumOperation(
            service_.store(), session_.user(), {text(tag, "tag", kMaxShortText), details}));
    });
}

qlonglong Ledger::DestroyMedium(const QString& tag, const QString& method,
                                const QDBusObjectPath& witness, const QVariantMap& options) {
    return serve([&] {
        Options given(options, "DestroyMedium");
        records::Destruction destruction;
        destruction.method = text(method, "method", kMaxShortText);
        destruction.contractor = given.text("contractor", kMaxNote).value_or("");
        destruction.contractorCertificate =
            given.text("contractor_cert", kMaxShortText).value_or("");
        destruction.place = given.text("place", kMaxNote).value_or("");
        destruction.performedOn = given.text("date", kMaxShortText).value_or("");
        given.requireAllKnown();
        // The witness proved presence by logging in with their own password on this same
        // kiosk: their session must be one of this connection's, and still valid.
        Session* present = service_.sessionAt(witness.path());
        if (!present || present->owner() != caller())
            throw ServiceError(dbus_error::kNotAuthorized,
                               QStringLiteral("the witness must log in on this kiosk as the "
                                              "second person first"));
        present->admit(caller());
        destruction.witness = present->user().id;
        operations::DestroyMediumInput input;
        input.tag = text(tag, "tag", kMaxShortText);
        input.destruction = std::move(destruction);
        input.dataDir = service_.dataDir();
        input.witnessLoggedIn = true;
        return runOperation(operations::DestroyMediumOperation(service_.store(), session_.user(),
                                                               std::move(input)));
    });
}

}  // namespace massho::service
