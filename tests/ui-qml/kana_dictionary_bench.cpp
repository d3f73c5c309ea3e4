// Benchmark (not a test): how long Debian's SKK dictionary takes to load, what it holds in
// memory, and how long a lookup takes (the kiosk looks up on the UI thread after each kana key).
// Usage: kana_dictionary_bench [PATH]   (default /usr/share/skk/SKK-JISYO.L)
#include <chrono>
#include <cstdio>

#include "kana_dictionary.h"

using massho::kiosk::KanaDictionary;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : KanaDictionary::kDebianPath;
    QString error;
    const auto started = Clock::now();
    const auto dictionary = KanaDictionary::load(path, &error);
    const std::chrono::duration<double, std::milli> loading = Clock::now() - started;
    if (!dictionary) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(error));
        return 1;
    }
    std::printf("load: %.1f ms, %lld readings, %.1f MiB held\n", loading.count(),
                static_cast<long long>(dictionary->readings()),
                static_cast<double>(dictionary->bytes()) / (1024.0 * 1024.0));
    // Readings as they grow key by key (each key press looks up the reading so far).
    const QStringList readings = {"や",       "やま",     "やまだ", "ほ",   "ほか",
                                  "ほかん",   "ほかんこ", "き",     "きた", "きたく",
                                  "やくしょ", "かんじ",   "ぜいむ"};
    const int rounds = 20000;
    qsizetype found = 0;
    const auto from = Clock::now();
    for (int round = 0; round < rounds; ++round)
        for (const QString& reading : readings) found += dictionary->candidates(reading).size();
    const std::chrono::duration<double, std::micro> spent = Clock::now() - from;
    std::printf("lookup: %.2f us a reading on average (%d lookups, %lld candidates)\n",
                spent.count() / static_cast<double>(rounds * readings.size()),
                rounds * int(readings.size()), static_cast<long long>(found));
    for (const QString& reading : {QStringLiteral("か"), QStringLiteral("こう")}) {
        const auto one = Clock::now();
        const QStringList list = dictionary->candidates(reading);
        const std::chrono::duration<double, std::micro> took = Clock::now() - one;
        std::printf("lookup %s: %lld candidates in %.1f us\n", qPrintable(reading),
                    static_cast<long long>(list.size()), took.count());
    }
    return 0;
}
