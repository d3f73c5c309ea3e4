#pragma once

// The JSON shape of a ledger row for `media show|list --json` (and the kiosk later).
#include <QJsonArray>
#include <QJsonObject>
#include <vector>

#include "massho/records/ledger/medium.h"

namespace massho::cli {

inline QString qstr(const std::string& s) {
    return QString::fromStdString(s);
}

inline QJsonObject mediumJson(const records::Medium& m,
                              const std::vector<records::MediumEvent>* history) {
    QJsonObject o{
        {"tag", qstr(m.tag)},
        {"class", m.infoClass},
        {"my_number", m.myNumber},
        {"media_type", qstr(m.mediaType)},
        {"manufacturer", qstr(m.manufacturer)},
        {"model", qstr(m.model)},
        {"serial", qstr(m.serial)},
        {"size_bytes", static_cast<qint64>(m.sizeBytes)},
        {"section", qstr(m.section)},
        {"data_manager", qstr(m.dataManager)},
        {"location", qstr(m.location)},
        {"state", qstr(std::string(records::toString(m.state)))},
        {"write_protected", m.writeProtected},
        {"registered", qstr(m.registered)},
        {"changed", qstr(m.changed)},
        {"registered_entry", static_cast<qint64>(m.registeredEntry)},
        {"last_entry", static_cast<qint64>(m.lastEntry)},
    };
    if (m.leased())
        o["lease"] = QJsonObject{{"lessor", qstr(m.lessor)},
                                 {"contract", qstr(m.leaseContract)},
                                 {"return_by", qstr(m.leaseReturn)}};
    if (!m.notes.empty()) o["notes"] = qstr(m.notes);
    if (!m.lockedBy.empty()) o["locked_by"] = qstr(m.lockedBy);
    if (m.lastErasureEntry) o["last_erasure_entry"] = static_cast<qint64>(*m.lastErasureEntry);
    if (history) {
        QJsonArray h;
        for (const auto& e : *history)
            h.append(QJsonObject{{"index", static_cast<qint64>(e.index)},
                                 {"kind", qstr(e.kind)},
                                 {"time", qstr(e.time)},
                                 {"state", qstr(std::string(records::toString(e.state)))},
                                 {"by", qstr(e.by)},
                                 {"summary", qstr(e.summary)}});
        o["history"] = h;
    }
    return o;
}

}  // namespace massho::cli
