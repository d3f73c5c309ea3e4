// 10,000 wrong passwords never authenticate and keep the account locked (Art. 13(4)).
// About a minute on disk (every attempt is a register entry with an fsync): label `long`.
#include "brute_force.h"

namespace massho::records::test {
namespace {

TEST_F(BruteForceTest, TenThousandWrongPasswordsNeverAuthenticateAndLockTheAccount) {
    // 11 full cycles of 905 s, then 5 more failures lock a 12th time.
    run(10000, 12);
}

}  // namespace
}  // namespace massho::records::test
