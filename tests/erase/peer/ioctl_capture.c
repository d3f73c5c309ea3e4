/* LD_PRELOAD shim: prints every SG_IO CDB (and data-out head) and NVMe admin command a peer tool
 * (hdparm, sg3_utils, nvme-cli) sends, and answers as a drive that accepted it, so that the tool
 * carries on to its next command. Used by capture_peers.sh to obtain reference encodings. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <linux/nvme_ioctl.h>
#include <scsi/sg.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

static void dump(const char* tag, const unsigned char* p, unsigned n) {
    fprintf(stderr, "%s", tag);
    for (unsigned i = 0; i < n; ++i) fprintf(stderr, " %02x", p[i]);
    fprintf(stderr, "\n");
}

int ioctl(int fd, unsigned long request, ...) {
    va_list ap;
    va_start(ap, request);
    void* arg = va_arg(ap, void*);
    va_end(ap);
    if (request == SG_IO) {
        sg_io_hdr_t* h = arg;
        dump("SGIO cdb", h->cmdp, h->cmd_len);
        if (h->dxfer_direction == SG_DXFER_TO_DEV && h->dxferp)
            dump("SGIO out", h->dxferp, h->dxfer_len < 40 ? h->dxfer_len : 40);
        fprintf(stderr, "SGIO dir %d len %u timeout %u\n", h->dxfer_direction, h->dxfer_len,
                h->timeout);
        /* CHECK CONDITION + descriptor sense with an ATA Status Return descriptor, status 50h. */
        static const unsigned char sense[22] = {0x72, 0x01, 0x00, 0x1d, 0, 0, 0, 14,
                                                0x09, 0x0c, 0, 0, 0, 0, 0, 0,
                                                0, 0, 0, 0, 0x00, 0x50};
        if (h->dxferp && h->dxfer_direction == SG_DXFER_FROM_DEV) {
            memset(h->dxferp, 0, h->dxfer_len);
            /* IDENTIFY DEVICE of a drive with Security, SANITIZE (all three) and 48-bit LBA. */
            unsigned char* w = h->dxferp;
            if (h->cmd_len == 16 && h->cmdp[14] == 0xec && h->dxfer_len >= 512) {
                w[2 * 59 + 1] = 0xf0;                     /* word 59 bits 12..15 */
                w[2 * 82] = 0x02; w[2 * 82 + 1] = 0x40;   /* word 82 bit 1 */
                w[2 * 83 + 1] = 0x44;                     /* word 83 bits 10, 14 */
                w[2 * 86 + 1] = 0x04;                     /* word 86 bit 10 */
                w[2 * 100 + 1] = 0x10;                    /* 4096 sectors */
                w[2 * 128] = 0x21;                        /* word 128 bits 0, 5 */
            }
        }
        memcpy(h->sbp, sense, h->mx_sb_len < 22 ? h->mx_sb_len : 22);
        h->sb_len_wr = h->mx_sb_len < 22 ? h->mx_sb_len : 22;
        if (h->cmdp[0] != 0x85) { /* plain SCSI: GOOD, no sense */
            h->sb_len_wr = 0;
            h->status = 0;
            h->masked_status = 0;
            h->driver_status = 0;
            h->host_status = 0;
            h->resid = 0;
            return 0;
        }
        h->status = 0x02;
        h->masked_status = 0x01;
        h->driver_status = 0x08;
        h->host_status = 0;
        h->resid = 0;
        return 0;
    }
    if (request == NVME_IOCTL_ADMIN_CMD) {
        struct nvme_admin_cmd* c = arg;
        fprintf(stderr,
                "NVME opcode %02x nsid %08x cdw10 %08x cdw11 %08x cdw12 %08x data_len %u\n",
                c->opcode, c->nsid, c->cdw10, c->cdw11, c->cdw12, c->data_len);
        if (c->addr && c->data_len) memset((void*)(unsigned long)c->addr, 0, c->data_len);
        c->result = 0;
        return 0;
    }
    if (request == NVME_IOCTL_ID) return 1;
    int (*real)(int, unsigned long, void*) = (int (*)(int, unsigned long, void*))dlsym(RTLD_NEXT, "ioctl");
    return real(fd, request, arg);
}
