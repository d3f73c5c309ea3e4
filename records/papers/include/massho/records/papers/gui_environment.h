#pragma once

#include <memory>

class QGuiApplication;

namespace massho::records {

// Qt Gui (fonts, QPdfWriter) needs a QGuiApplication. While alive, this makes sure there is one:
// it starts one on the offscreen platform when the process has none (the CLI and tests have no
// display) and ends it again; throws RecordsError when a non-Gui QCoreApplication exists.
class GuiSession {
  public:
    GuiSession();
    ~GuiSession();
    GuiSession(const GuiSession&) = delete;
    GuiSession& operator=(const GuiSession&) = delete;

  private:
    std::unique_ptr<QGuiApplication> owned_;
};

}  // namespace massho::records
