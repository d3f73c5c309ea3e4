#include "run_together.h"

#include <chrono>
#include <exception>
#include <latch>
#include <thread>

namespace massho::bench {

std::vector<double> runTogether(int n, const std::function<void(int)>& work) {
    using Clock = std::chrono::steady_clock;
    std::vector<double> seconds(static_cast<std::size_t>(n));
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(n));
    std::latch ready(n + 1);
    Clock::time_point start;
    {
        std::vector<std::jthread> threads;
        threads.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            threads.emplace_back([&, i] {
                const auto k = static_cast<std::size_t>(i);
                ready.arrive_and_wait();
                try {
                    work(i);
                } catch (...) {
                    errors[k] = std::current_exception();
                }
                seconds[k] = std::chrono::duration<double>(Clock::now() - start).count();
            });
        }
        start = Clock::now();
        ready.arrive_and_wait();
    }  // the jthreads join here
    for (const std::exception_ptr& e : errors) {
        if (e) std::rethrow_exception(e);
    }
    return seconds;
}

}  // namespace massho::bench
