#include <stdio.h>
#include <stddef.h>
#include <poll.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/mman.h>
#include <linux/videodev2.h>
#define P(x) printf("%-22s 0x%08lX\n", #x, (unsigned long)(x))
#define S(t) printf("sizeof(%s) = %zu\n", #t, sizeof(t))
#define O(t,f) printf("  %s.%s @%zu size %zu\n", #t, #f, offsetof(t,f), sizeof(((t*)0)->f))
int main(){
 P(VIDIOC_S_CTRL);P(VIDIOC_G_CTRL);P(VIDIOC_ENUM_FRAMEINTERVALS);
 S(struct v4l2_frmsizeenum);O(struct v4l2_frmsizeenum,index);O(struct v4l2_frmsizeenum,pixel_format);O(struct v4l2_frmsizeenum,type);O(struct v4l2_frmsizeenum,discrete);O(struct v4l2_frmsizeenum,stepwise);O(struct v4l2_frmsizeenum,reserved);
 S(struct v4l2_frmsize_stepwise);
 S(struct v4l2_streamparm);O(struct v4l2_streamparm,type);O(struct v4l2_streamparm,parm);O(struct v4l2_streamparm,parm.capture.capability);O(struct v4l2_streamparm,parm.capture.capturemode);O(struct v4l2_streamparm,parm.capture.timeperframe);O(struct v4l2_streamparm,parm.capture.extendedmode);O(struct v4l2_streamparm,parm.capture.readbuffers);
 S(struct v4l2_control);
 P(V4L2_FRMSIZE_TYPE_DISCRETE);P(V4L2_FRMSIZE_TYPE_CONTINUOUS);P(V4L2_FRMSIZE_TYPE_STEPWISE);P(V4L2_CAP_TIMEPERFRAME);P(V4L2_FMT_FLAG_COMPRESSED);P(V4L2_FMT_FLAG_EMULATED);
 S(struct pollfd);P(POLLIN);P(POLLPRI);P(POLLERR);P(POLLHUP);P(POLLNVAL);
 P(O_RDWR);P(O_NONBLOCK);P(O_CLOEXEC);P(PROT_READ);P(PROT_WRITE);P(MAP_SHARED);
 P(EINTR);P(EAGAIN);P(ENOENT);P(ENXIO);P(ENODEV);P(EBUSY);P(EINVAL);P(EACCES);P(EPERM);P(ENOTTY);P(EIO);P(ENOMEM);P(ENOSPC);P(EPIPE);
 return 0;}
