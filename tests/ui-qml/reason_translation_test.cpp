// Every reason key the service can send (masshod(8), "Reasons"; appliance/service/
// refusal_reason.h) is one the kiosk says in Japanese: listed in ui-qml/reason_keys.cpp, so that
// lupdate keeps it, and translated in the compiled i18n/massho_kiosk_ja.ts, using no argument
// the service does not send.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QTranslator>

#include "reason_keys.h"
#include "refusal_reason.h"

namespace {

QSet<QString> serviceKeys() {
    QSet<QString> keys;
    for (const auto& reason : massho::service::reasonCatalogue())
        keys.insert(QString::fromLatin1(reason.key));
    return keys;
}

QSet<QString> kioskKeys() {
    QSet<QString> keys;
    for (const char* key : massho::kiosk::reasonKeys()) keys.insert(QString::fromLatin1(key));
    return keys;
}

TEST(ReasonTranslation, TheKioskListsEveryReasonTheServiceSends) {
    const QSet<QString> service = serviceKeys();
    const QSet<QString> kiosk = kioskKeys();
    for (const QString& key : service)
        EXPECT_TRUE(kiosk.contains(key)) << key.toStdString() << " is not in reason_keys.cpp";
    for (const QString& key : kiosk)
        EXPECT_TRUE(service.contains(key)) << key.toStdString() << " is no reason of the service";
    EXPECT_GE(service.size(), 30);
}

TEST(ReasonTranslation, EveryReasonHasAJapaneseTranslationWithTheServicesArguments) {
    QTranslator japanese;
    ASSERT_TRUE(japanese.load(QStringLiteral(MASSHO_KIOSK_QM)))
        << "cannot load " << MASSHO_KIOSK_QM;
    const QRegularExpression placeholder(QStringLiteral("%([1-9])"));
    for (const auto& reason : massho::service::reasonCatalogue()) {
        const QString said = japanese.translate("ServiceReason", reason.key);
        EXPECT_FALSE(said.isEmpty()) << reason.key << " has no Japanese translation";
        const QRegularExpression shape(QString::fromUtf8(reason.pattern));
        ASSERT_TRUE(shape.isValid()) << reason.key << ": " << shape.errorString().toStdString();
        for (auto match = placeholder.globalMatch(said); match.hasNext();) {
            const int n = match.next().captured(1).toInt();
            EXPECT_LE(n, shape.captureCount())
                << reason.key << " says %" << n << " but the service sends " << shape.captureCount()
                << " arguments";
        }
    }
}

TEST(ReasonTranslation, TheServiceFindsTheReasonAndItsArgumentsInALine) {
    const auto wrong = massho::service::reasonFor(QStringLiteral("wrong user ID or password"));
    ASSERT_TRUE(wrong);
    EXPECT_EQ(wrong->key.toStdString(), "login.wrong");
    const auto self = massho::service::reasonFor(QStringLiteral(
        "'both' made request REQ-000001 and may not approve it: another data manager must "
        "(separation of duties, Art. 7-3)"));
    ASSERT_TRUE(self);
    EXPECT_EQ(self->key.toStdString(), "approval.self");
    EXPECT_EQ(self->args, (QStringList{"both", "REQ-000001", "approve"}));
    EXPECT_FALSE(massho::service::reasonFor(QStringLiteral("the disk caught fire")));
}

}  // namespace
