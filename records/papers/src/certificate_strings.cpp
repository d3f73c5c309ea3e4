#include "massho/records/papers/certificate_strings.h"

#include <QtGlobal>

#include "massho/records/register/errors.h"

namespace massho::records {
namespace {

// Every ID the certificate uses, so that lupdate finds them (the words live in the .ts files).
[[maybe_unused]] constexpr const char* kIds[] = {
    QT_TRANSLATE_NOOP("massho::records::Certificate", "title"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "reissue"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "statement"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "number"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "issued_at"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "issued_by"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "register"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "software"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "section_medium"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "manufacturer"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "model"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "serial"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "capacity"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "bytes"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "media_type"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "transport"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "asset"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "section_erasure"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "class"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "purpose"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "purpose_disposal"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "purpose_lease-return"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "purpose_reuse"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "method"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "passes"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "nist"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "nist_clear"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "nist_purge"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_advice"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "verification"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "verify_full"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "verify_sample"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "verify_none"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "verify_passed"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "verify_not-run"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "started"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "ended"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "operator"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "request"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "requester"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "approver"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "error_ranges"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "none"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "section_register"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "index"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "entry_hash"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "checkpoint"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "signers"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "proof_heading"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "qr_caption"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "how_to_verify"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "list_title"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "period"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "list_count"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destruction_title"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destruction_statement"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "section_destruction"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destruction_method"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_shred"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_crush"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_degauss"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_melt"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_incinerate"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "destroy_disassemble"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "performed_on"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "place"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "performed_by"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "witness"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "contractor"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "contractor_cert"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "photos"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "my_number"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "erasure_entry"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "yes"),
    QT_TRANSLATE_NOOP("massho::records::Certificate", "no"),
};

void load(QTranslator& translator, const QString& language) {
    const QString file = QStringLiteral(":/massho/i18n/massho_certificate_") + language;
    if (!translator.load(file))
        throw RecordsError("the certificate translation " + file.toStdString() +
                           ".qm is missing from this build: rebuild massho (lrelease)");
}

}  // namespace

CertificateStrings::CertificateStrings() {
    load(japanese_, QStringLiteral("ja"));
    load(english_, QStringLiteral("en"));
}

Bilingual CertificateStrings::operator()(const char* id) const {
    Bilingual out{japanese_.translate(kContext, id), english_.translate(kContext, id)};
    // An untranslated ID would print as a blank: fall back to the ID itself, visibly wrong.
    if (out.ja.isEmpty()) out.ja = QString::fromUtf8(id);
    if (out.en.isEmpty()) out.en = QString::fromUtf8(id);
    return out;
}

Bilingual CertificateStrings::value(const char* prefix, const QString& value) const {
    const QByteArray id = QByteArray(prefix) + '_' + value.toUtf8();
    Bilingual out{japanese_.translate(kContext, id.constData()),
                  english_.translate(kContext, id.constData())};
    if (out.ja.isEmpty()) out.ja = value;
    if (out.en.isEmpty()) out.en = value;
    return out;
}

}  // namespace massho::records
