#pragma once

#include <QString>
#include <QVariantMap>

namespace massho::kiosk {

// The kiosk's guard against the wrong medium before anything that overwrites one is sent (an
// erasure, a carry-out, a carry-in's crypto-erase): the person types the last four characters of
// what they can read on it. A drive's serial is on its label; a device without one (a loop
// device, some card readers) is known by its name on the card.

// "serial", or "name" for a device without a serial (one GetDevices element).
QString confirmationSource(const QVariantMap& device);
// The typed characters match the last four (case aside).
bool confirmsDevice(const QVariantMap& device, const QString& typed);
// What the person reads when they do not match, and what to do next.
QString confirmationMismatch(const QVariantMap& device);

}  // namespace massho::kiosk
