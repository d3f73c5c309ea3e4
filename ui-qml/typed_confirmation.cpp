#include "typed_confirmation.h"

#include <QCoreApplication>

namespace massho::kiosk {

namespace {

constexpr int kConfirmationLength = 4;

QString confirmationCode(const QVariantMap& device) {
    return device.value(confirmationSource(device)).toString().right(kConfirmationLength);
}

}  // namespace

QString confirmationSource(const QVariantMap& device) {
    return device.value(QStringLiteral("serial")).toString().isEmpty() ? QStringLiteral("name")
                                                                       : QStringLiteral("serial");
}

bool confirmsDevice(const QVariantMap& device, const QString& typed) {
    const QString code = confirmationCode(device);
    return !code.isEmpty() && typed.compare(code, Qt::CaseInsensitive) == 0;
}

QString confirmationMismatch(const QVariantMap& device) {
    return confirmationSource(device) == QLatin1String("serial")
               ? QCoreApplication::translate(
                     "TypedConfirmation",
                     "The characters typed are not the last 4 of this drive's serial. "
                     "Check the label on the drive and type them again.")
               : QCoreApplication::translate(
                     "TypedConfirmation",
                     "The characters typed are not the last 4 of this device's name. "
                     "Check the name on the card and type them again.");
}

}  // namespace massho::kiosk
