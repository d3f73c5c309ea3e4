#pragma once

#include <QString>
#include <QTranslator>

namespace massho::records {

// One label in both languages of a certificate: Japanese first, English second.
struct Bilingual {
    QString ja;
    QString en;
    QString joined() const { return ja + QStringLiteral(" / ") + en; }
};

// The certificate's wording, from Qt's translation system (records/papers/translations/*.ts compiled to
// .qm by lrelease and embedded as resources): the code names a string by its ID, each language's
// .qm holds the words. Throws RecordsError when a translation file is missing from the build.
class CertificateStrings {
  public:
    CertificateStrings();

    // `id` is one of the QT_TRANSLATE_NOOP IDs in certificate_strings.cpp.
    Bilingual operator()(const char* id) const;
    // An ID built from a value ("purpose_disposal"); the value itself when no translation exists.
    Bilingual value(const char* prefix, const QString& value) const;

    static constexpr const char* kContext = "massho::records::Certificate";

  private:
    QTranslator japanese_;
    QTranslator english_;
};

}  // namespace massho::records
